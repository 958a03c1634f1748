namespace Orchestration.Testing.Hosting;

/// <summary>Where the repository and the built host are, found from the test's own output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The host as built for this test run (same configuration), run with <c>dotnet</c> like in production.</summary>
    public static string HostDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release"
                : "Debug";
            var path = Path.Combine(Root, "hosts", "Orchestration.Host", "bin", configuration, "net10.0", "Orchestration.Host.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The host is not built at {path}; build the solution first.", path);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orchestration.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Orchestration.sln above {AppContext.BaseDirectory}.");
    }
}
