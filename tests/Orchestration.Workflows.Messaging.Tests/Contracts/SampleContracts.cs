// Stand-ins laid out like Orchestration.Contracts, to test discovery by convention without touching real contracts.
namespace Orchestration.Contracts.Sample.Events
{
    public sealed record SampleIntakeCompleted(Guid ReferralId);
}

namespace Orchestration.Contracts.Sample.Commands
{
    public sealed record IssueSampleReferral(Guid ReferralId);
}

namespace Orchestration.Contracts.Sample.Internal
{
    public sealed record NotAMessage(Guid Id);
}

namespace Orchestration.Contracts.Sample
{
    public sealed record AlsoNotAMessage(Guid Id);
}
