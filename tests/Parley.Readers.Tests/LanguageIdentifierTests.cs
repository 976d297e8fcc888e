namespace Parley.Readers.Tests;

public class LanguageIdentifierTests
{
    public const string French = "Le ministre des Affaires étrangères a rencontré jeudi son homologue pour discuter de la coopération entre les deux pays. " +
        "Les deux parties ont souligné l'importance du dialogue politique et ont signé un accord sur les échanges culturels.";

    public const string German = "Der Außenminister hat am Donnerstag seinen Amtskollegen getroffen, um über die Zusammenarbeit zwischen den beiden Ländern zu sprechen. " +
        "Beide Seiten betonten die Bedeutung des politischen Dialogs und unterzeichneten ein Abkommen über den kulturellen Austausch.";

    public const string Russian = "Министр иностранных дел в четверг встретился со своим коллегой, чтобы обсудить сотрудничество между двумя странами. " +
        "Стороны подчеркнули важность политического диалога и подписали соглашение о культурном обмене.";

    public const string Kazakh = "Сыртқы істер министрі бейсенбі күні әріптесімен кездесіп, екі ел арасындағы ынтымақтастықты талқылады. " +
        "Тараптар саяси диалогтың маңыздылығын атап өтіп, мәдени алмасу туралы келісімге қол қойды.";

    public const string English = "The foreign minister met his counterpart on Thursday to discuss cooperation between the two countries. " +
        "Both sides stressed the importance of political dialogue and signed an agreement on cultural exchanges.";

    [Theory]
    [InlineData(English, "en")]
    [InlineData(French, "fr")]
    [InlineData(German, "de")]
    [InlineData(Russian, "ru")]
    [InlineData(Kazakh, "kk")]
    [InlineData("Міністр закордонних справ у четвер зустрівся зі своїм колегою, щоб обговорити співпрацю між двома країнами. Сторони підкреслили важливість політичного діалогу.", "uk")]
    [InlineData("Міністр замежных спраў у чацвер сустрэўся са сваім калегам, каб абмеркаваць супрацоўніцтва паміж дзвюма краінамі.", "be")]
    [InlineData("Министърът на външните работи се срещна в четвъртък със своя колега, за да обсъдят сътрудничеството между двете страни.", "bg")]
    [InlineData("Министар спољних послова састао се у четвртак са својим колегом да разговарају о сарадњи између две земље, саопштено је из ђачког центра.", "sr")]
    [InlineData("El ministro de Asuntos Exteriores se reunió el jueves con su homólogo para hablar de la cooperación entre los dos países y de las relaciones comerciales.", "es")]
    [InlineData("Il ministro degli Esteri ha incontrato giovedì il suo omologo per discutere della cooperazione tra i due paesi e delle relazioni commerciali.", "it")]
    [InlineData("O ministro dos Negócios Estrangeiros reuniu-se na quinta-feira com o seu homólogo para discutir a cooperação entre os dois países e as relações comerciais.", "pt")]
    [InlineData("Minister spraw zagranicznych spotkał się w czwartek ze swoim odpowiednikiem, aby omówić współpracę między oboma krajami oraz relacje handlowe.", "pl")]
    [InlineData("Dışişleri Bakanı perşembe günü mevkidaşı ile bir araya gelerek iki ülke arasındaki işbirliğini ve ticari ilişkileri ele aldı, bakanlık tarafından açıklandı.", "tr")]
    [InlineData("De minister van Buitenlandse Zaken heeft donderdag zijn ambtgenoot ontmoet om de samenwerking tussen de twee landen te bespreken, maar er is nog geen akkoord.", "nl")]
    [InlineData("Menteri Luar Negeri bertemu dengan mitranya pada hari Kamis untuk membahas kerja sama antara kedua negara dan hubungan perdagangan yang akan diperluas.", "id")]
    [InlineData("وزير الخارجية التقى نظيره يوم الخميس لبحث التعاون بين البلدين", "ar")]
    [InlineData("外交部长周四会见了他的同行，讨论两国之间的合作。", "zh")]
    [InlineData("Ο υπουργός Εξωτερικών συναντήθηκε την Πέμπτη με τον ομόλογό του.", "el")]
    [InlineData("საგარეო საქმეთა მინისტრი ხუთშაბათს შეხვდა თავის კოლეგას.", "ka")]
    public void Identify_Paragraph_FindsLanguage(string text, string code)
    {
        var decision = LanguageIdentifier.Identify(text);
        Assert.Equal(code, decision.Code);
        Assert.True(decision.Confidence >= LanguageIdentifier.RefusalConfidence, $"{decision}");
    }

    [Theory]
    [InlineData("Ministers meet in the capital")]
    [InlineData("Senate Speaker, Ambassador meet")]
    [InlineData("Talks held")]
    public void Identify_ShortEnglishHeadline_IsNotConfidentlyForeign(string text)
    {
        var decision = LanguageIdentifier.Identify(text);
        Assert.True(decision.Code is "en" or "und" || decision.Confidence < LanguageIdentifier.RefusalConfidence, $"{decision}");
    }

    [Fact]
    public void Decide_DeclaredLanguageMatchingText_IsVerified()
    {
        var decision = LanguageIdentifier.Decide(English, "en-GB");
        Assert.Equal("en", decision.Code);
        Assert.Contains("verified", decision.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeclaredEnglishButTextFrench_TextWins()
    {
        var decision = LanguageIdentifier.Decide(French, "en");
        Assert.Equal("fr", decision.Code);
        Assert.Contains("contradicted", decision.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeclaredLanguageOnTooShortText_IsKept()
    {
        var decision = LanguageIdentifier.Decide("Astana", "en");
        Assert.Equal("en", decision.Code);
        Assert.Contains("declared", decision.Method, StringComparison.Ordinal);
    }
}
