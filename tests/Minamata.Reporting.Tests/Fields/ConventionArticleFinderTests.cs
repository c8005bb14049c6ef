using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Tests.Fields;

public sealed class ConventionArticleFinderTests
{
    [Theory]
    [InlineData("under paragraph 5 (b) of article 23", "23(5)(b)")]
    [InlineData("article 16, paragraph 2 (a), of the Convention", "16(2)(a)")]
    [InlineData("Article 23(5)(b)", "23(5)(b)")]
    [InlineData("paragraph 8 of article 13", "13(8)")]
    [InlineData("subparagraph (b) of paragraph 6 of article 13", "13(6)(b)")]
    [InlineData("в соответствии с пунктом 5 b) статьи 23", "23(5)(b)")]
    [InlineData("пункт 2 а) статьи 16", "16(2)(a)")]
    [InlineData("пункт 2 с) статьи 24", "24(2)(c)")]
    [InlineData("подпункта b) пункта 6 статьи 13", "13(6)(b)")]
    [InlineData("le paragraphe 5 b) de l'article 23", "23(5)(b)")]
    [InlineData("l’article 7, paragraphe 4 a)", "7(4)(a)")]
    [InlineData("el apartado b) del párrafo 5 del artículo 23", "23(5)(b)")]
    [InlineData("párrafo 2 del artículo 22", "22(2)")]
    [InlineData("第十四条", "14")]
    [InlineData("第二十三条第5款(b)项", "23(5)(b)")]
    [InlineData("الفقرة 2 (أ) من المادة 16", "16(2)(a)")]
    [InlineData("وفقاً للمادة 4 من الاتفاقية", "4")]
    [InlineData("article 16 of the Minamata Convention on Mercury", "16")]
    [InlineData("статьи 16 Минаматской конвенции", "16")]
    [InlineData("《关于汞的水俣公约》第十一条第3款(a)项", "11(3)(a)")]
    [InlineData("《公约》第十九条", "19")]
    [InlineData("como se definen en el art. 8, párr. 2, apdo. b).", "8(2)(b)")]
    [InlineData("conformément à l'art. 24, par. 2 c), de la Convention", "24(2)(c)")]
    [InlineData("(art. 8, par. 5, al. a))", "8(5)(a)")]
    [InlineData("en virtud del artículo 7, numeral 3, literal a), del Convenio", "7(3)(a)")]
    public void Citations_are_normalised_at_the_precision_written(string text, string article)
    {
        Assert.Equal([article], ConventionArticleFinder.Find(text));
    }

    [Fact]
    public void Each_citation_keeps_its_own_precision_and_the_list_is_sorted()
    {
        var text = "Under article 16 and article 16, paragraph 2 (a), and articles 3 and 4, and article 8.";

        Assert.Equal(["3", "4", "8", "16", "16(2)(a)"], ConventionArticleFinder.Find(text));
    }

    [Theory]
    [InlineData("in line with Art. 16 of the Convention", "16")]
    [InlineData("in line with Arts. 7 and 8 and Annex C of the Convention", "7 8")]
    [InlineData("Articles 3 through 5 govern supply and trade", "3 4 5")]
    [InlineData("загрязненных участков (статьи 11 и 12)", "11 12")]
    [InlineData("conformément aux articles 7 et 8", "7 8")]
    [InlineData("los artículos 7 y 8 del Convenio", "7 8")]
    [InlineData("المادتان ١٠ و١١", "10 11")]
    [InlineData("conformément aux paragraphes 3 et 4 de l’article 8", "8(3) 8(4)")]
    [InlineData("الفقرتين 3 و4 من المادة 9", "9(3) 9(4)")]
    [InlineData("《公约》第三条至第五条", "3 4 5")]
    [InlineData("article 7 and article 5 of the Paris Agreement", "7")]
    public void Short_forms_and_lists_of_articles_are_read(string text, string articles)
    {
        Assert.Equal(articles.Split(' '), ConventionArticleFinder.Find(TextNormaliser.Normalise(text)));
    }

    [Theory]
    [InlineData("article 11 of the Basel Convention")]
    [InlineData("article 5 of the Paris Agreement")]
    [InlineData("статьи 3 Парижского соглашения")]
    [InlineData("Article 4 of the Occupational Safety and Health Convention, 1981 (No. 155)")]
    [InlineData("В соответствии со статьей 6 Конвенции № 176 работодатель")]
    [InlineData("Article 32 of the Convention on the Rights of the Child")]
    [InlineData("en virtud del artículo 9 del Acuerdo de París")]
    [InlineData("l'article 16 de la Convention de Bâle")]
    [InlineData("《国际原子能机构规约》第三条")]
    [InlineData("المادة 5 من اتفاق باريس")]
    [InlineData("المادة 6 من اتفاقية استكهولم")]
    [InlineData("en aplicación del artículo 3 de la Ley 1658 de 2013")]
    [InlineData("المادة 8 من الاتفاقية الإطارية لمنظمة الصحة العالمية بشأن مكافحة التبغ")]
    [InlineData("article 99")]
    [InlineData("Item 5 (c) of the provisional agenda")]
    [InlineData("Пункт 5 c) предварительной повестки дня")]
    public void Other_conventions_agenda_items_and_impossible_articles_are_left_out(string text)
    {
        Assert.Empty(ConventionArticleFinder.Find(text));
    }
}
