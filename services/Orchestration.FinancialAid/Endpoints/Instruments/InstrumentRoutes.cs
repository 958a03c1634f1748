using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>One POST (record) and one GET (read) per instrument, under the referral's application.</summary>
internal static class InstrumentRoutes
{
    public static string Segment(Instrument instrument) => instrument switch
    {
        Instrument.MappingPart1 => "mapping-part-1",
        Instrument.TargetGroupScreening => "target-group-screening",
        Instrument.MappingPart3 => "mapping-part-3",
        Instrument.FiaSocialPart => "fia-social-part",
        _ => throw new ArgumentOutOfRangeException(nameof(instrument), instrument, null),
    };

    /// <summary>Maps the instrument's record endpoint on <paramref name="caseworkers"/> and its read endpoint on the right group.</summary>
    public static void Map<TAnswers>(RouteGroupBuilder caseworkers, RouteGroupBuilder sharedReaders, string summary)
        where TAnswers : IInstrumentAnswers
    {
        var route = $"/applications/{{id:guid}}/{Segment(TAnswers.Instrument)}";
        caseworkers.MapPost(route, RecordInstrument.Handle<TAnswers>).WithSummary($"Records {summary} (once per referral).");
        var reader = TAnswers.SharedWithJobbtorgOnConsent ? sharedReaders : caseworkers;
        reader.MapGet(route, GetInstrument.Handle<TAnswers>).WithSummary(TAnswers.SharedWithJobbtorgOnConsent
            ? $"Reads {summary}; Jobbtorg coaches only with the individual's valid consent to share."
            : $"Reads {summary}.");
    }
}
