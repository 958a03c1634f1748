using System.Text.Json.Nodes;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Serialization;

/// <summary>Every JSON shape of ELSA-API.md §4.6 imports and runs; export keeps what we do not model.</summary>
public sealed class WorkflowDefinitionReaderTests
{
    private readonly WorkflowHarness _harness = new();

    /// <summary>The file's text as sent over HTTP: decoded without stripping a byte order mark.</summary>
    private static string Variant(string name) =>
        System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Workflows", "variants", name + ".json")));

    [Fact]
    public async Task Legacy_activity_flags_source_noise_and_flat_connections_import_into_the_current_form()
    {
        var definition = WorkflowDefinitionReader.Read(Variant("legacy-flags-and-flat-connections"));

        var hello = definition.FindById("Hello")!;
        hello.Json.ContainsKey("canStartWorkflow").Should().BeFalse();
        hello.CustomProperties["canStartWorkflow"]!.GetValue<bool>().Should().BeTrue();
        definition.Root.Json["connections"]![0]!.ToJsonString().Should().Be(
            """{"source":{"activity":"Hello","port":"Done"},"target":{"activity":"World","port":"In"}}""");
        definition.Document["applicationProperties"].Should().NotBeNull("unknown top-level properties are kept");

        await _harness.StartAsync(definition);
        _harness.Lines.Should().Equal("hello", "world");
    }

    [Fact]
    public async Task Connections_in_a_values_wrapper_with_PascalCase_keys_import()
    {
        var definition = WorkflowDefinitionReader.Read(Variant("values-wrapper-connections"));

        definition.Root.Connections.Should().ContainSingle().Which.Should().Be(new Model.Connection("One", "Done", "Two", "In"));
        await _harness.StartAsync(definition);
        _harness.Lines.Should().Equal("one", "two");
    }

    [Fact]
    public async Task Native_literals_json_text_and_assembly_qualified_or_stale_type_names_run()
    {
        var definition = WorkflowDefinitionReader.Read(Variant("native-literals-and-type-names"));

        var result = await _harness.StartAsync(definition);

        _harness.Lines.Should().Equal("one:42", "two:42");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended, "the Delay after the WaitAll join waits");
        result.State.Bookmarks.Should().ContainSingle().Which.ResumeAt.Should().Be(_harness.Time.GetUtcNow().AddSeconds(5));
        definition.FindById("Delay1")!.Json["strategy"].Should().NotBeNull("an input the activity no longer has is kept");
        definition.Variables.Single().IsPersistent.Should().BeTrue("storageDriverType is read as well as storageDriverTypeName");
    }

    [Fact]
    public async Task A_minimal_hand_written_file_with_a_byte_order_mark_imports_and_the_start_key_is_ignored()
    {
        var text = Variant("minimal-with-bom");
        text[0].Should().Be('\uFEFF');

        var definition = WorkflowDefinitionReader.Read(text);
        await _harness.StartAsync(definition);

        _harness.Lines.Should().Equal("first");
        definition.Root.Id.Should().Be("Flowchart1", "a missing id is generated from the type name");
        definition.Root.Json["start"]!.GetValue<string>().Should().Be("Second", "the key is kept for export");
        definition.Root.Json["connections"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void What_Studio_saves_round_trips_unchanged()
    {
        var original = JsonNode.Parse(Variant("studio-saved"))!;

        var definition = WorkflowDefinitionReader.Read(Variant("studio-saved"));

        JsonNode.DeepEquals(definition.Document, original).Should().BeTrue(
            $"export must equal what was saved, but was {definition.Document.ToJsonString()}");
    }

    [Fact]
    public void Normalising_twice_changes_nothing()
    {
        var once = WorkflowDefinitionReader.Read(Variant("native-literals-and-type-names")).Document.ToJsonString();

        var twice = WorkflowDefinitionReader.Read(once).Document.ToJsonString();

        twice.Should().Be(once);
    }

    [Fact]
    public void A_bare_root_from_Studio_gets_node_ids_and_empty_lists()
    {
        var definition = WorkflowDefinitionReader.Read(Variant("studio-new"));

        definition.Root.NodeId.Should().Be("Workflow1:Flowchart1");
        definition.Root.Json["activities"]!.AsArray().Should().BeEmpty();
        definition.Root.Json["connections"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void Wrapped_inputs_without_a_memory_reference_get_Elsas_generated_id()
    {
        var definition = WorkflowDefinitionReader.Read(Variant("legacy-flags-and-flat-connections"));

        definition.FindById("Hello")!.Json["text"]!["memoryReference"]!["id"]!.GetValue<string>().Should().Be("Hello:input-text");
    }

    [Theory]
    [InlineData("not json", "Not valid JSON")]
    [InlineData("[1,2]", "is a JSON object")]
    [InlineData("""{"definitionId":"x"}""", "no 'root'")]
    public void Text_that_is_not_a_definition_is_refused_with_a_reason(string text, string reason)
    {
        var read = () => WorkflowDefinitionReader.Read(text);

        read.Should().Throw<WorkflowFormatException>().WithMessage($"*{reason}*");
    }
}
