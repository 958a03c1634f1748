using System.Collections.Concurrent;
using System.Reflection;

namespace Orchestration.Workflows.Activities;

/// <summary>
/// Every activity type the engine can run and Studio can show, by (type name, version). Classes are found by
/// scanning assemblies; descriptors made at run time (workflows used as activities, message activities) are added.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly ConcurrentDictionary<(string TypeName, int Version), ActivityDescriptor> _descriptors = new();

    public static ActivityRegistry CreateDefault()
    {
        var registry = new ActivityRegistry();
        registry.AddAssembly(typeof(ActivityRegistry).Assembly);
        return registry;
    }

    public IReadOnlyCollection<ActivityDescriptor> All => _descriptors.Values.OrderBy(d => d.TypeName).ThenBy(d => d.Version).ToList();

    public void AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Activity).IsAssignableFrom(t) && t.GetCustomAttribute<ActivityAttribute>() is not null))
        {
            Add(ActivityDescriptorFactory.Create(type));
        }
    }

    public void Add(ActivityDescriptor descriptor) => _descriptors[(descriptor.TypeName, descriptor.Version)] = descriptor;

    public void Remove(string typeName, int version) => _descriptors.TryRemove((typeName, version), out _);

    /// <summary>The exact version, else the highest version of that type (definitions saved by other Elsa versions).</summary>
    public ActivityDescriptor? Find(string typeName, int version = 1) =>
        _descriptors.TryGetValue((typeName, version), out var exact)
            ? exact
            : _descriptors.Values.Where(d => d.TypeName == typeName).MaxBy(d => d.Version);
}
