using Orchestration.Host;

return await HostProgram.RunAsync(args);

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
