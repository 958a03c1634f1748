using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Host.Tests.Messaging;

/// <summary>An in-process host in the production profile (PostgreSQL + RabbitMQ) with the modules named on.</summary>
internal static class ProductionHost
{
    private static readonly string[] Modules = ["Workflows", "FinancialAid", "Jobbtorg", "Interventions", "FollowUps"];

    public static Task<TestHost> StartAsync(ProductionEnvironment environment, params string[] modulesOn) =>
        StartAsync(environment, [], modulesOn);

    public static Task<TestHost> StartAsync(ProductionEnvironment environment, string[] settings, params string[] modulesOn) =>
        TestHost.StartAsync([.. settings, .. Settings(environment, modulesOn)]);

    /// <summary>The settings of a production-profile host with the modules named on.</summary>
    public static string[] Settings(ProductionEnvironment environment, params string[] modulesOn) =>
    [
        "Orchestration:Profile=Production",
        $"ConnectionStrings:Orchestration={environment.Database.ConnectionString}",
        $"ConnectionStrings:RabbitMq={environment.VirtualHost.AmqpUri}",
        $"Auth:SigningKey={ProductionEnvironment.SigningKey}",
        .. Modules.Select(m => $"Modules:{m}={(modulesOn.Length == 0 || modulesOn.Contains(m) ? "true" : "false")}"),
    ];
}
