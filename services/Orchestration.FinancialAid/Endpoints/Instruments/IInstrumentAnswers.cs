using Orchestration.FinancialAid.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>The answers of one instrument: how they are checked, what must come before, and the event that says they are done.</summary>
internal interface IInstrumentAnswers
{
    /// <summary>The longest free-text note an instrument takes.</summary>
    const int NoteLength = 4000;

    static abstract Instrument Instrument { get; }

    /// <summary>The instrument that must be recorded first, if any.</summary>
    static abstract Instrument? After { get; }

    /// <summary>Whether Jobbtorg may read it with the individual's consent (health and social details).</summary>
    static abstract bool SharedWithJobbtorgOnConsent { get; }

    ValidationErrors Validate(DateOnly today, ActiveLists lists);

    object CompletedEvent(Guid referralId, string district, DateTimeOffset now);
}
