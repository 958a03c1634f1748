using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Host.Demo;

/// <summary>The demo command's own options: how many referrals it drives and whether the host keeps running afterwards.</summary>
internal sealed record DemoSettings(int Referrals, bool KeepRunning)
{
    public const int DefaultReferrals = 60;
    public const int MaxReferrals = 500;

    /// <summary>Takes <c>--referrals N</c> and <c>--exit</c> out of <paramref name="args"/>; the rest configures the host.</summary>
    public static DemoSettings Parse(string[] args, out string[] hostArgs)
    {
        var referrals = DefaultReferrals;
        var keepRunning = true;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--referrals":
                    if (i + 1 >= args.Length || !int.TryParse(args[++i], out referrals) || referrals < 1 || referrals > MaxReferrals)
                    {
                        throw new HostConfigurationException("--referrals", $"needs a number from 1 to {MaxReferrals}.");
                    }

                    break;
                case "--exit":
                    keepRunning = false;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        hostArgs = [.. rest];
        return new DemoSettings(referrals, keepRunning);
    }
}
