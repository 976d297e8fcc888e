using System.Text.RegularExpressions;

namespace Parley.Core.Tests;

public sealed partial class ErrorCatalogueTests
{
    [GeneratedRegex("^PRL[1-9][0-9]{3}$")]
    private static partial Regex CodePattern();

    [Fact]
    public void All_CodesAndNames_AreUniqueAndWellFormed()
    {
        Assert.Equal(Errors.All.Count, Errors.All.Select(e => e.Code).Distinct().Count());
        Assert.Equal(Errors.All.Count, Errors.All.Select(e => e.Name).Distinct().Count());
        Assert.All(Errors.All, e => Assert.Matches(CodePattern(), e.Code));
    }

    [Fact]
    public void All_ListsEveryPublicDefinition()
    {
        var declared = typeof(Errors).GetFields().Where(f => f.FieldType == typeof(ErrorDefinition)).Select(f => (ErrorDefinition)f.GetValue(null)!).ToHashSet();
        Assert.Equal(declared, Errors.All.ToHashSet());
    }

    [Fact]
    public void Diagnostic_ToString_NamesCodeFileAndLine()
    {
        var d = new Diagnostic(Errors.InvalidJsonLine, "unexpected end of data", new SourceLocation("in.jsonl", 3));
        Assert.Equal("error PRL1006: in.jsonl:3: unexpected end of data", d.ToString());
    }
}
