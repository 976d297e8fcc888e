namespace Parley.Core.Tests;

public sealed class PipelineBuilderTests
{
    private sealed class FakeComponent(string name, string[] requires, string[] assigns) : IPipelineComponent
    {
        public ComponentDescriptor Descriptor { get; } = new(name, "1", requires, assigns);

        public List<string> Seen { get; } = [];

        public void Process(Document document, CancellationToken cancellationToken) => Seen.Add(document.Id);
    }

    [Fact]
    public void Build_ValidOrder_RunsComponentsInOrder()
    {
        var order = new List<string>();
        var a = new FakeComponent("a", [LayerNames.Text], ["tokens"]);
        var b = new FakeComponent("b", ["tokens"], ["tags"]);
        var pipeline = new PipelineBuilder().Add(a).Add(b).Build();
        pipeline.Process(new Document("d1", "Hello.", new DocumentMetadata()));
        Assert.Equal(["d1"], a.Seen);
        Assert.Equal(["d1"], b.Seen);
        Assert.Equal(["a.v1", "b.v1"], pipeline.VersionedNames);
    }

    [Fact]
    public void Build_RequirementAssignedLater_ThrowsPrl2001NamingTheLaterComponent()
    {
        var tagger = new FakeComponent("tagger", ["tokens"], ["tags"]);
        var tokenizer = new FakeComponent("tokenizer", [LayerNames.Text], ["tokens"]);
        var ex = Assert.Throws<ParleyException>(() => new PipelineBuilder().Add(tagger).Add(tokenizer).Build());
        Assert.Equal("PRL2001", ex.Error.Code);
        Assert.Contains("'tokenizer' assigns it but runs later", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RequirementNeverAssigned_ThrowsPrl2001()
    {
        var parser = new FakeComponent("parser", ["tags"], ["deps"]);
        var ex = Assert.Throws<ParleyException>(() => new PipelineBuilder().Add(parser).Build());
        Assert.Equal("PRL2001", ex.Error.Code);
        Assert.Contains("no component in the pipeline assigns it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LayerAssignedTwice_ThrowsPrl2002()
    {
        var one = new FakeComponent("one", [], ["tokens"]);
        var two = new FakeComponent("two", [], ["tokens"]);
        var ex = Assert.Throws<ParleyException>(() => new PipelineBuilder().Add(one).Add(two).Build());
        Assert.Equal("PRL2002", ex.Error.Code);
        Assert.Equal(ExitCodes.Configuration, ex.Error.ExitCode);
    }

    [Fact]
    public void Process_CancelledToken_Throws()
    {
        var pipeline = new PipelineBuilder().Add(new FakeComponent("a", [], ["x"])).Build();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => pipeline.Process(new Document("d", "t", new DocumentMetadata()), cts.Token));
    }
}
