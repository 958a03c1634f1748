using System.Buffers;
using System.Text;
using System.Text.Json;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The <c>Data</c> JSON of an activity-execution row (activityState, outputs, payload with the outcomes, properties,
/// exception), written straight from the execution's own nodes: no cloned node tree per row. One instance serves the
/// rows of one burst and reuses its buffer.
/// </summary>
internal sealed class ActivityExecutionData
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public string Write(ActivityExecutionState execution)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("activityState");
            execution.ActivityState.WriteTo(json);
            json.WritePropertyName("outputs");
            execution.Outputs.WriteTo(json);
            json.WriteStartObject("payload");
            json.WriteStartArray("Outcomes");
            foreach (var outcome in execution.Outcomes)
            {
                json.WriteStringValue(outcome);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WritePropertyName("properties");
            execution.Properties.WriteTo(json);
            json.WritePropertyName("exception");
            JsonSerializer.Serialize(json, execution.Exception, WorkflowStateSerializer.Options);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
