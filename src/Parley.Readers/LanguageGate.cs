using System.Globalization;
using Parley.Core;

namespace Parley.Readers;

/// <summary>
/// The language check run on every document a reader produces: decides the language (verifying a declared
/// one) and refuses documents that are clearly not English with PRL1010, unless
/// <see cref="ReaderOptions.AllowAnyLanguage"/>. Undetermined (short, name-only) texts are never refused.
/// Readers record a declared language (JSONL <c>language</c>, HTML <c>lang</c>) as
/// <c>new LanguageDecision(code, 1, LanguageGate.DeclaredMethod)</c>; the gate replaces it with the verified decision.
/// </summary>
public static class LanguageGate
{
    /// <summary>The <see cref="LanguageDecision.Method"/> a reader uses for a language declared by the input.</summary>
    public const string DeclaredMethod = "declared";

    /// <summary>Applies the check to one result; failures pass through unchanged.</summary>
    public static ReadResult Apply(ReadResult result, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (result.Document is not { } doc)
        {
            return result;
        }

        var declared = doc.Metadata.Language is { Method: DeclaredMethod } d ? d.Code : null;
        var sample = doc.Metadata.Title is { Length: > 0 } title ? title + "\n\n" + doc.Text : doc.Text;
        var decision = LanguageIdentifier.Decide(sample, declared);
        var document = new Document(doc.Id, doc.Text, doc.Metadata with { Language = decision }, doc.Paragraphs);
        if (!options.AllowAnyLanguage
            && decision.Code is not ("en" or LanguageIdentifier.Undetermined)
            && decision.Confidence >= LanguageIdentifier.RefusalConfidence)
        {
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"the document is in {LanguageIdentifier.NameOf(decision.Code)} ({decision.Code}, confidence {decision.Confidence:0.00}, by {decision.Method}); Parley reads English only; pass --any-language to keep it.");
            return ReadResult.Failure(new Diagnostic(Errors.UnsupportedLanguage, message, doc.Metadata.Origin ?? new SourceLocation(null, null, doc.Id)));
        }

        return ReadResult.Success(document, result.Warnings);
    }
}
