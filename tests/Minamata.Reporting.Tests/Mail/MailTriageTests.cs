using MimeKit;
using Minamata.Reporting.Access;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Mail;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Tests.Mail;

public sealed class MailTriageTests
{
    private static readonly DateOnly Today = new(2027, 6, 1);

    private static readonly Partner Who = new("WHO", "World Health Organization", "focal@who.example", "en", ["deputy@who.example"]);
    private static readonly Partner Ilo = new("ILO", "International Labour Organization", "focal@ilo.example", "fr");

    private static readonly ReportingCycle Cop7 = new("COP-7", "Seventh meeting", new DateOnly(2027, 11, 1), new DateOnly(2027, 8, 15), ["WHO", "ILO"], [30]);
    private static readonly ReportingCycle Cop8 = new("COP-8", "Eighth meeting", new DateOnly(2029, 11, 1), new DateOnly(2029, 8, 15), ["WHO"], [30]);
    private static readonly ReportingCycle Oewg2 = new("OEWG-2", "Second open-ended working group", new DateOnly(2027, 7, 1), new DateOnly(2027, 5, 1), ["WHO"], [30]);
    private static readonly ReportingCycle Cop6 = new("COP-6", "Sixth meeting", new DateOnly(2025, 11, 1), new DateOnly(2025, 8, 15), ["WHO", "ILO"], [30]);

    [Theory]
    [InlineData("Report for COP-8", "COP-8")]
    [InlineData("Re: WHO report (cop-8)", "COP-8")]
    // Nothing named: the open cycle with the nearest deadline still ahead.
    [InlineData("Our annual report", "COP-7")]
    // A symbol is not a cycle's name, nor a word with a number that no meeting has.
    [InlineData("UNEP/MC/COP.7/INF/12 as requested", "COP-7")]
    [InlineData("Mercury and COVID-19 supply chains", "COP-7")]
    // Deadline passed, meeting ahead: a late report, taken.
    [InlineData("Late report for OEWG-2", "OEWG-2")]
    // Named, a past meeting's cycle is taken as an upload to it is: the secretariat sees where it went.
    [InlineData("Report for COP-6", "COP-6")]
    public void The_cycle_is_the_one_the_subject_names_else_the_partners_open_one(string subject, string expected)
    {
        var result = MailTriage.Decide(Message("focal@who.example", subject, "report.docx"), [Who, Ilo], [Cop6, Cop7, Cop8, Oewg2], Today);

        Assert.Null(result.Problem);
        Assert.Equal(expected, result.Cycle!.Id);
        Assert.Equal("WHO", result.Partner!.Id);
    }

    [Theory]
    // A meeting with no cycle, a cycle that does not expect the partner, two at once.
    [InlineData("focal@who.example", "Report for COP-9")]
    [InlineData("focal@ilo.example", "Rapport pour COP-8")]
    [InlineData("focal@who.example", "Reports for COP-7 and COP-8")]
    public void A_subject_naming_no_cycle_the_partner_may_report_to_now_is_refused(string from, string subject)
    {
        var result = MailTriage.Decide(Message(from, subject, "report.pdf"), [Who, Ilo], [Cop6, Cop7, Cop8], Today);

        Assert.Equal(MailProblem.NoCycle, result.Problem);
        Assert.NotNull(result.Partner);
    }

    [Fact]
    public void With_no_cycle_named_and_none_open_for_the_partner_the_message_is_refused()
    {
        var result = MailTriage.Decide(Message("focal@ilo.example", "Rapport annuel", "rapport.docx"), [Who, Ilo], [Cop6, Cop8], Today);

        Assert.Equal(MailProblem.NoCycle, result.Problem);
    }

    [Theory]
    [InlineData("DEPUTY@who.example")]
    [InlineData("Focal@WHO.Example")]
    public void A_focal_point_or_copied_address_in_any_case_is_the_partners(string from)
    {
        Assert.Equal("WHO", MailTriage.Decide(Message(from, "COP-7", "r.txt"), [Who, Ilo], [Cop7], Today).Partner!.Id);
    }

    [Fact]
    public void An_address_no_partner_has_is_an_unknown_sender()
    {
        var result = MailTriage.Decide(Message("someone@who.example.org", "COP-7", "r.txt"), [Who, Ilo], [Cop7], Today);

        Assert.Equal(MailProblem.UnknownSender, result.Problem);
        Assert.Null(result.Partner);
    }

    [Fact]
    public void A_message_whose_domain_failed_dmarc_is_not_taken_for_the_partners()
    {
        var message = Message("focal@who.example", "COP-7", "r.txt");
        message.Headers.Add(HeaderId.AuthenticationResults, "mx.minamata.example; spf=fail smtp.mailfrom=who.example; dkim=none; dmarc=fail action=none header.from=who.example");

        Assert.Equal(MailProblem.UnverifiedSender, MailTriage.Decide(message, [Who], [Cop7], Today).Problem);
    }

    [Fact]
    public void Only_attachments_in_a_format_read_are_reports()
    {
        var message = Message("focal@who.example", "COP-7", "logo.png", "Report.DOCX", "invite.ics", "annex.md", "scan.pdf");

        var result = MailTriage.Decide(message, [Who], [Cop7], Today);

        Assert.Equal(["Report.DOCX", "annex.md", "scan.pdf"], result.Reports.Select(p => p.FileName));
        Assert.Equal(MailProblem.NoReport, MailTriage.Decide(Message("focal@who.example", "COP-7", "logo.png"), [Who], [Cop7], Today).Problem);
    }

    [Fact]
    public void Every_reply_has_an_english_text_and_partners_get_theirs_in_their_language()
    {
        foreach (var problem in new[] { MailProblem.UnknownSender, MailProblem.UnverifiedSender, MailProblem.NoReport, MailProblem.NoCycle, MailProblem.TooLarge })
        {
            Assert.Equal("en", MessageTemplates.Render("en", "mail-" + problem, new Dictionary<string, string>()).Language);
        }

        Assert.Equal("ru", MessageTemplates.Render("ru", "mail-" + MailProblem.NoCycle, new Dictionary<string, string>()).Language);
        Assert.StartsWith("Para qué reunión", MessageTemplates.Render("es", "mail-" + MailProblem.NoCycle, new Dictionary<string, string>()).Subject.TrimStart('¿'));
    }

    private static MimeMessage Message(string from, string subject, params string[] attachments)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.Subject = subject;
        var body = new BodyBuilder { TextBody = "Attached." };
        foreach (var name in attachments)
        {
            body.Attachments.Add(name, [1, 2, 3]);
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
