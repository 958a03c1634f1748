using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Configuration;

namespace Orchestration.Workflows.Api.Studio;

/// <summary>
/// Where the Studio's files come from: our shell page, script and styles are embedded in this assembly; the Elsa
/// Studio bundle lies in the app's <c>studio/</c> folder, where the ElsaStudio.targets build step copied it.
/// </summary>
internal sealed class StudioAssets
{
    public const string BundlePathSetting = "Studio:BundlePath";
    private const string ShellResourcePrefix = "StudioShell/";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();
    private readonly Dictionary<string, byte[]> _shell;

    public StudioAssets(IConfiguration configuration)
    {
        BundleDirectory = Path.GetFullPath(configuration[BundlePathSetting] is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "studio"));
        _shell = LoadShell();
    }

    public string BundleDirectory { get; }

    /// <summary>The bundle's runtime script is the file whose absence means the build step did not run.</summary>
    public bool IsBundleAvailable => File.Exists(Path.Combine(BundleDirectory, "_framework", "blazor.webassembly.js"));

    public byte[]? ShellFile(string name) => _shell.GetValueOrDefault(name);

    /// <summary>
    /// A bundle file, or its precompressed copy when the browser accepts it (the package ships .br and .gz
    /// siblings); null when there is no such file or the path leaves the bundle folder.
    /// </summary>
    public BundleFile? FindBundleFile(string relativePath, string acceptEncoding)
    {
        var path = Path.GetFullPath(Path.Combine(BundleDirectory, relativePath));
        if (!path.StartsWith(BundleDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return null;
        }

        var contentType = ContentTypeOf(path);
        foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (acceptEncoding.Contains(encoding, StringComparison.OrdinalIgnoreCase) && File.Exists(path + suffix))
            {
                return new BundleFile(path + suffix, contentType, encoding);
            }
        }

        return new BundleFile(path, contentType, null);
    }

    public static string ContentTypeOf(string path) =>
        ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // Blazor's ICU data and webcil assemblies (ELSA-API.md §1.4); .blat/.dll in case a later bundle ships them.
        provider.Mappings[".dat"] = "application/octet-stream";
        provider.Mappings[".wasm"] = "application/wasm";
        provider.Mappings[".blat"] = "application/octet-stream";
        provider.Mappings[".dll"] = "application/octet-stream";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        return provider;
    }

    private static Dictionary<string, byte[]> LoadShell()
    {
        var assembly = typeof(StudioAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ShellResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ShellResourcePrefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
