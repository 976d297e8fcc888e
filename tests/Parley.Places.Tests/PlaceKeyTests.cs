namespace Parley.Places.Tests;

public class PlaceKeyTests
{
    [Theory]
    [InlineData("Washington, D. C.", "washington dc")]
    [InlineData("Washington D.C.", "washington dc")]
    [InlineData("St. Petersburg", "saint petersburg")]
    [InlineData("Nur-Sultan", "nur sultan")]
    [InlineData("São Paulo", "sao paulo")]
    [InlineData("the Hague", "hague")]
    [InlineData("Côte d'Ivoire", "cote divoire")]
    [InlineData("...", "")]
    [InlineData("Wellington's", "wellington")]
    [InlineData("O'Higgins", "ohiggins")]
    [InlineData("U.S.", "us")]
    [InlineData("Ft. Worth", "fort worth")]
    public void Of_NormalisesNames(string text, string key) => Assert.Equal(key, PlaceKey.Of(text));

    [Theory]
    [InlineData("USA", true)]
    [InlineData("U.S.", true)]
    [InlineData("UK", true)]
    [InlineData("MINSK", false)]
    [InlineData("Usa", false)]
    [InlineData("us", false)]
    public void IsCapitalAbbreviation_ShortCapitalsOnly(string text, bool expected) => Assert.Equal(expected, PlaceKey.IsCapitalAbbreviation(text));
}
