using System.Text.Json;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

public sealed record InstrumentResponse(Guid Id, Guid ReferralId, string Instrument, JsonElement Answers, DateTimeOffset RecordedAt, string RecordedBy);
