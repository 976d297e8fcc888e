using Parley.Core;

namespace Parley.Linguistics.Tests;

public class TokenizerTests
{
    /// <summary>Surface tokens: multiword tokens once, other words as they are.</summary>
    private static List<string> Tokens(string text)
    {
        var layer = Tokenizer.Tokenize(text);
        AssertOffsets(text, layer);
        var result = new List<string>();
        var m = 0;
        for (var w = 0; w < layer.Words.Count; w++)
        {
            if (m < layer.MultiwordTokens.Count && layer.MultiwordTokens[m].FirstWord == w)
            {
                result.Add(layer.MultiwordTokens[m].Span.Slice(text));
                w = layer.MultiwordTokens[m].LastWord;
                m++;
            }
            else
            {
                result.Add(layer.Words[w].Form);
            }
        }

        return result;
    }

    private static List<string> Words(string text) => Tokenizer.Tokenize(text).Words.Select(w => w.Form).ToList();

    private static List<string> Sentences(string text, IReadOnlyList<TextSpan>? paragraphs = null)
    {
        var layer = paragraphs is null ? Tokenizer.Tokenize(text) : Tokenizer.Tokenize(text, paragraphs);
        AssertOffsets(text, layer);
        return layer.Sentences.Select(s => s.Span.Slice(text)).ToList();
    }

    internal static void AssertOffsets(string text, TokenLayer layer)
    {
        foreach (var w in layer.Words)
        {
            Assert.Equal(w.Form, w.Span.Slice(text));
        }

        var covered = 0;
        foreach (var s in layer.Sentences)
        {
            Assert.Equal(covered, s.FirstWord);
            Assert.Equal(layer.Words[s.FirstWord].Span.Start, s.Span.Start);
            Assert.Equal(layer.Words[s.EndWord - 1].Span.End, s.Span.End);
            covered = s.EndWord;
        }

        Assert.Equal(layer.Words.Count, covered);
        foreach (var m in layer.MultiwordTokens)
        {
            Assert.Equal(m.Span.Start, layer.Words[m.FirstWord].Span.Start);
            Assert.Equal(m.Span.End, layer.Words[m.LastWord].Span.End);
        }
    }

    [Fact]
    public void Tokenize_Possessive_IsMultiwordToken()
    {
        const string text = "Kazakhstan’s economy grew.";
        var layer = Tokenizer.Tokenize(text);
        Assert.Equal(["Kazakhstan", "’s", "economy", "grew", "."], layer.Words.Select(w => w.Form));
        var mwt = Assert.Single(layer.MultiwordTokens);
        Assert.Equal(new TextSpan(0, 12), mwt.Span);
        Assert.Equal((0, 1), (mwt.FirstWord, mwt.LastWord));
        Assert.Equal(new TextSpan(0, 10), layer.Words[0].Span);
        Assert.Equal(new TextSpan(10, 12), layer.Words[1].Span);
        Assert.False(layer.Words[0].SpaceAfter);
        Assert.True(layer.Words[1].SpaceAfter);
        Assert.Equal(["Kazakhstan’s", "economy", "grew", "."], Tokens(text));
    }

    [Theory]
    [InlineData("I don't know", "I|do|n't|know")]
    [InlineData("They can't go", "They|ca|n't|go")]
    [InlineData("We won't stop", "We|wo|n't|stop")]
    [InlineData("I'm here", "I|'m|here")]
    [InlineData("we're late", "we|'re|late")]
    [InlineData("they've gone", "they|'ve|gone")]
    [InlineData("I'll call", "I|'ll|call")]
    [InlineData("he'd say", "he|'d|say")]
    [InlineData("It's the minister's car", "It|'s|the|minister|'s|car")]
    [InlineData("the parents' choice", "the|parents|'|choice")]
    [InlineData("I’m sure it isn’t", "I|’m|sure|it|is|n’t")]
    [InlineData("we're gonna win", "we|'re|gon|na|win")]
    [InlineData("you cannot", "you|can|not")]
    [InlineData("i dont care", "i|do|nt|care")]
    [InlineData("O'Brien said", "O'Brien|said")]
    [InlineData("the 1980's", "the|1980's")]
    public void Tokenize_Contractions_SplitAsEwt(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Words(text));
    }

    [Fact]
    public void Tokenize_Contraction_IsOneSurfaceToken()
    {
        Assert.Equal(["I", "don't", "know"], Tokens("I don't know"));
        Assert.Single(Tokenizer.Tokenize("I don't know").MultiwordTokens);
    }

    [Theory]
    [InlineData("Mr. Rachkov said.", "Mr.|Rachkov|said|.")]
    [InlineData("Mrs. Smith met Dr. Jones and Gen. Lee.", "Mrs.|Smith|met|Dr.|Jones|and|Gen.|Lee|.")]
    [InlineData("Apple Inc. and Acme Ltd. signed", "Apple|Inc.|and|Acme|Ltd.|signed")]
    [InlineData("apples, e.g. red ones, i.e. ripe", "apples|,|e.g.|red|ones|,|i.e.|ripe")]
    [InlineData("the U.N. and the U.S. agreed", "the|U.N.|and|the|U.S.|agreed")]
    [InlineData("on Jan. 5 and Sept. 9", "on|Jan.|5|and|Sept.|9")]
    [InlineData("Resolution No. 5 passed", "Resolution|No.|5|passed")]
    [InlineData("J. R. Smith arrived", "J.|R.|Smith|arrived")]
    public void Tokenize_Abbreviations_KeepPeriod(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokens(text));
    }

    [Fact]
    public void Tokenize_AbbreviationEndingSentence_SplitsPeriodAsEwt()
    {
        const string text = "He moved to the U.S. He works there.";
        Assert.Equal(["He moved to the U.S.", "He works there."], Sentences(text));
        Assert.Equal(["He", "moved", "to", "the", "U.S", ".", "He", "works", "there", "."], Tokens(text));
    }

    [Fact]
    public void Tokenize_SentencesGluedByMissingSpace_AreSplit()
    {
        const string text = "The envoy will travel to Chile.Speaking on Monday, she praised Peru.";
        Assert.Equal(["The envoy will travel to Chile.", "Speaking on Monday, she praised Peru."], Sentences(text));
    }

    [Theory]
    [InlineData("See www.example.Org now.", "See|www.example.Org|now|.")]
    [InlineData("Gov.Smith spoke.", "Gov.Smith|spoke|.")]
    [InlineData("He joined the U.S.Army in May.", "He|joined|the|U.S.Army|in|May|.")]
    public void Tokenize_DottedWords_AreNotGluedSentences(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokens(text));
    }

    [Fact]
    public void Tokenize_SayNoAtSentenceEnd_IsNotAbbreviation()
    {
        Assert.Equal(["I", "said", "no", ".", "Then", "I", "left", "."], Tokens("I said no. Then I left."));
    }

    [Theory]
    [InlineData("Kul-Mukhammed met them", "Kul|-|Mukhammed|met|them")]
    [InlineData("co-operation and e-mail", "co-operation|and|e-mail")]
    [InlineData("the 30th-anniversary", "the|30th|-|anniversary")]
    [InlineData("war – and peace — now", "war|–|and|peace|—|now")]
    [InlineData("war--and peace", "war|--|and|peace")]
    [InlineData("call 713-853-3989 now", "call|713-853-3989|now")]
    [InlineData("from 1998-2001", "from|1998|-|2001")]
    public void Tokenize_Hyphens_AsEwt(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokens(text));
    }

    [Theory]
    [InlineData("paid 1,000.50 dollars", "paid|1,000.50|dollars")]
    [InlineData("on 16.09.2022 at 10:12:00", "on|16.09.2022|at|10:12:00")]
    [InlineData("rose 3.5% to $12", "rose|3.5|%|to|$|12")]
    [InlineData("on 11/28/2000 or 9/11", "on|11/28/2000|or|9/11")]
    [InlineData("half (1/2) of it", "half|(|1|/|2|)|of|it")]
    [InlineData("at 5pm with 39K", "at|5|pm|with|39|K")]
    [InlineData("the 5th and 1990s", "the|5th|and|1990s")]
    public void Tokenize_Numbers(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokens(text));
    }

    [Theory]
    [InlineData("See https://example.com/a?b=1&c=2.", "See|https://example.com/a?b=1&c=2|.")]
    [InlineData("(www.mfa.kz)", "(|www.mfa.kz|)")]
    [InlineData("Mail john.doe@mfa.gov.kz today", "Mail|john.doe@mfa.gov.kz|today")]
    [InlineData("Follow @MFA_KZ and #Astana2024!", "Follow|@MFA_KZ|and|#Astana2024|!")]
    [InlineData("Great :) really", "Great|:)|really")]
    [InlineData("nice:-)", "nice|:-)")]
    public void Tokenize_WebForms(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokens(text));
    }

    [Theory]
    [InlineData("“Yes,” he said", "“|Yes|,|”|he|said")]
    [InlineData("‘No’ and «oui» or „ja“", "‘|No|’|and|«|oui|»|or|„|ja|“")]
    [InlineData("\"Fine\" or 'maybe'", "\"|Fine|\"|or|'|maybe|'")]
    [InlineData("Wait... what?! Really…", "Wait|...|what|?!|Really|…")]
    public void Tokenize_QuotesAndPunctuation(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokens(text));
    }

    [Fact]
    public void Sentences_QuoteEndingSentence_ClosesAfterSpeechVerb()
    {
        const string text = "“We will expand trade with Central Asia,” Mr. Rachkov said. The talks continue.";
        Assert.Equal(["“We will expand trade with Central Asia,” Mr. Rachkov said.", "The talks continue."], Sentences(text));
    }

    [Fact]
    public void Sentences_TerminalInsideQuotes_ClosesAfterQuote()
    {
        const string text = "He said: “It is over.” Then he left. Did he? Yes!";
        Assert.Equal(["He said: “It is over.”", "Then he left.", "Did he?", "Yes!"], Sentences(text));
    }

    [Fact]
    public void Sentences_MrNotSplit()
    {
        Assert.Equal(["Mr. Rachkov said."], Sentences("Mr. Rachkov said."));
    }

    [Fact]
    public void Sentences_LowercaseAfterAbbreviation_Continues()
    {
        Assert.Equal(["Trade with the U.S. grew, and imports fell."], Sentences("Trade with the U.S. grew, and imports fell."));
    }

    [Fact]
    public void Sentences_EllipsisAndQuestionExclamation()
    {
        Assert.Equal(["Wait...", "What happened?!", "Nothing."], Sentences("Wait... What happened?! Nothing."));
    }

    [Theory]
    [InlineData("The vote in Malawi is set for Oct. 3. The count follows.", "The vote in Malawi is set for Oct. 3.")]
    [InlineData("Envoys from Peru arrive on March 12. Talks start later.", "Envoys from Peru arrive on March 12.")]
    public void Tokenize_MonthAndDayClosingASentence_IsNotAListItem(string text, string first)
    {
        var sentences = Sentences(text);
        Assert.Equal(2, sentences.Count);
        Assert.Equal(first, sentences[0]);
    }

    [Fact]
    public void Sentences_LineBreakInsideParagraph_EndsSentence()
    {
        const string text = "Kazakhstan and Russia sign deal\nThe ministers met in Astana on Monday.";
        Assert.Equal(["Kazakhstan and Russia sign deal", "The ministers met in Astana on Monday."], Sentences(text));
    }

    [Fact]
    public void Sentences_WrappedLine_DoesNotEndSentence()
    {
        const string text = "The ministers of the\nRepublic met on Monday\nand signed.\nTalks go on.";
        Assert.Equal(["The ministers of the\nRepublic met on Monday\nand signed.", "Talks go on."], Sentences(text));
    }

    [Fact]
    public void Sentences_HardWrappedParagraph_IgnoresLineBreaks()
    {
        const string text = "Kazakhstan and Russia agreed on Monday to expand cooperation in energy\nTrade between the two countries grew by ten percent in the first half\nof the year, the ministry said.";
        Assert.Equal([text], Sentences(text));
    }

    [Fact]
    public void Sentences_NeverCrossParagraphs()
    {
        const string text = "Headline without stop\n\nThe first sentence, and\n\nits end.";
        var paragraphs = Document.DefaultParagraphs(text);
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal(["Headline without stop", "The first sentence, and", "its end."], Sentences(text, paragraphs));
    }

    [Fact]
    public void Sentences_TextOutsideParagraphs_IsIgnored()
    {
        const string text = "skip this. Take this one.";
        Assert.Equal(["Take this one."], Sentences(text, [new TextSpan(11, text.Length)]));
    }

    [Fact]
    public void Tokenize_EmptyAndWhitespace_GiveNothing()
    {
        Assert.Empty(Tokenizer.Tokenize("").Words);
        var layer = Tokenizer.Tokenize("  \n\t ");
        Assert.Empty(layer.Words);
        Assert.Empty(layer.Sentences);
    }

    [Fact]
    public void Tokenize_SpaceAfter_ReflectsText()
    {
        var layer = Tokenizer.Tokenize("Hi, you.");
        Assert.Equal([false, true, false, true], layer.Words.Select(w => w.SpaceAfter));
    }

    [Fact]
    public void Process_SetsTokenLayer_WithDescriptor()
    {
        var tokenizer = new Tokenizer();
        Assert.Equal("parley.tokenizer", tokenizer.Descriptor.Name);
        Assert.Equal("1", tokenizer.Descriptor.Version);
        Assert.Equal([LayerNames.Text, LayerNames.Paragraphs], tokenizer.Descriptor.Requires);
        Assert.Equal([LayerNames.Tokens], tokenizer.Descriptor.Assigns);
        var doc = new Document("d1", "First one. Second one.\n\nNew paragraph.", new DocumentMetadata());
        new PipelineBuilder().Add(tokenizer).Build().Process(doc);
        var layer = doc.Get(Layers.Tokens);
        Assert.Equal(3, layer.Sentences.Count);
        Assert.Equal("parley.tokenizer.v1", layer.Producer);
    }

    [Fact]
    public void Tokenize_ParallelCalls_GiveSameResult()
    {
        var text = string.Join(" ", Enumerable.Repeat("Mr. Smith's aide didn't say; “Yes,” she said... Really?", 50));
        var expected = Tokenizer.Tokenize(text).Words.Select(w => w.Span).ToArray();
        Parallel.For(0, 16, _ => Assert.Equal(expected, Tokenizer.Tokenize(text).Words.Select(w => w.Span).ToArray()));
    }
}
