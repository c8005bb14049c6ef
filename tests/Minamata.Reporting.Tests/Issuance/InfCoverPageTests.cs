using Minamata.Reporting.Issuance;

namespace Minamata.Reporting.Tests.Issuance;

public sealed class InfCoverPageTests
{
    [Theory]
    [InlineData("World Health Organization", "WHO", "the World Health Organization (WHO)")]
    [InlineData("The Global Mercury Partnership", "GMP", "The Global Mercury Partnership (GMP)")]
    [InlineData("UNICEF", "UNICEF", "UNICEF")]
    [InlineData("UNITAR", "UNITAR-GE", "UNITAR (UNITAR-GE)")]
    public void The_note_names_the_partner_as_a_sentence_does(string name, string id, string expected) =>
        Assert.Equal(expected, InfCoverPage.Submitter(name, id));
}
