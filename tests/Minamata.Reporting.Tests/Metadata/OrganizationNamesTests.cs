using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Tests.Metadata;

public sealed class OrganizationNamesTests
{
    [Theory]
    // The registry's words for an organisation it knows, whatever the partner was registered as.
    [InlineData("World Health Organization", "WHO", "the World Health Organization (WHO)")]
    [InlineData("BRS Secretariat", "BRS", "the secretariat of the Basel, Rotterdam and Stockholm Conventions (BRS)")]
    [InlineData("UNICEF", "UNICEF", "the United Nations Children's Fund")]
    // Others: their own name, with "the" when it has several words.
    [InlineData("The Review Test Organization", "RV-12", "The Review Test Organization (RV-12)")]
    [InlineData("Review Test Organization", "RV-12", "the Review Test Organization (RV-12)")]
    [InlineData("ACME", "ACME", "ACME")]
    [InlineData("ACME", "ACME-GE", "ACME (ACME-GE)")]
    public void A_sentence_names_the_partner_as_the_secretariats_notes_do(string name, string id, string expected) =>
        Assert.Equal(expected, OrganizationNames.InProse(name, id));

    [Theory]
    [InlineData("WHO", "World Health Organization")]
    [InlineData("BRS", "Secretariat of the Basel, Rotterdam and Stockholm Conventions")]
    [InlineData("NOBODY", null)]
    public void A_known_organisation_has_a_name_for_titles_and_tables(string id, string? expected) =>
        Assert.Equal(expected, OrganizationNames.Name(id));
}
