namespace Parley.Actors.Tests;

public class NameKeyTests
{
    [Theory]
    [InlineData("Sergei", "Sergey")]
    [InlineData("Kul-Mohammed", "Kul-Mukhammed")]
    [InlineData("Tokayev", "Tokaev")]
    [InlineData("Zelenskyy", "Zelensky")]
    [InlineData("Lukashenko", "Lukashenka")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Mukhammed", "Mohamed")]
    [InlineData("Dmitriy", "Dmitry")]
    [InlineData("Andrei", "Andrey")]
    [InlineData("Yevgeny", "Evgeniy")]
    [InlineData("Zhanna", "Janna")]
    [InlineData("Müller", "Muller")]
    [InlineData("O'Neil", "ONeil")]
    [InlineData("Kyrgyz", "Kirghiz")]
    public void Key_SpellingVariants_ShareOneKey(string a, string b) => Assert.Equal(NameKey.Key(a), NameKey.Key(b));

    [Theory]
    [InlineData("Niger", "Nigeria")]
    [InlineData("Iran", "Iraq")]
    [InlineData("Austria", "Australia")]
    [InlineData("Sergei", "Serhiy Ivanov")]
    [InlineData("Mali", "Malta")]
    public void Key_DifferentNames_StayApart(string a, string b) => Assert.NotEqual(NameKey.Key(a), NameKey.Key(b));

    [Fact]
    public void Loose_CaseDiacriticsHyphensApostrophes_AreFolded()
    {
        Assert.Equal("kulmohammed", NameKey.Loose("Kul-Mohammed"));
        Assert.Equal("cotedivoire", NameKey.Loose("Côte d’Ivoire"));
        Assert.Equal(NameKey.Loose("SÃO TOMÉ"), NameKey.Loose("Sao Tome"));
    }

    [Fact]
    public void Words_DropTheAndPossessiveAndJoinDottedAbbreviations()
    {
        Assert.Equal(["us", "ambassador"], NameKey.Words("the U.S. Ambassador"));
        Assert.Equal(["kazakhstan", "senate"], NameKey.Words("Kazakhstan's Senate"));
        Assert.Equal(["secretary", "general"], NameKey.Words("Secretary-General"));
    }
}
