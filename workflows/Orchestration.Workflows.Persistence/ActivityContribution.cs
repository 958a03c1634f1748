using Orchestration.Workflows.Activities;

namespace Orchestration.Workflows.Persistence;

/// <summary>Activities a module adds to the engine's registry beyond the built-in ones (e.g. the message activities).</summary>
public sealed record ActivityContribution(Action<ActivityRegistry> AddTo);
