using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Api;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Mail;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting;

// Each settings class's validation attributes and IValidatableObject.Validate, checked by code the
// options generator writes at build time rather than found by reflection at start (which trimming
// and Native AOT cannot follow). A new settings class gets a line here and ValidateWith at its
// registration.
[OptionsValidator] internal sealed partial class AccessOptionsValidator : IValidateOptions<AccessOptions>;
[OptionsValidator] internal sealed partial class ExtractionOptionsValidator : IValidateOptions<ExtractionOptions>;
[OptionsValidator] internal sealed partial class IntakeOptionsValidator : IValidateOptions<IntakeOptions>;
[OptionsValidator] internal sealed partial class HttpOptionsValidator : IValidateOptions<HttpOptions>;
[OptionsValidator] internal sealed partial class SubmissionOptionsValidator : IValidateOptions<SubmissionOptions>;
[OptionsValidator] internal sealed partial class DeadlineOptionsValidator : IValidateOptions<DeadlineOptions>;
[OptionsValidator] internal sealed partial class SmtpOptionsValidator : IValidateOptions<SmtpOptions>;
[OptionsValidator] internal sealed partial class PublicOptionsValidator : IValidateOptions<PublicOptions>;
[OptionsValidator] internal sealed partial class MailIntakeOptionsValidator : IValidateOptions<MailIntakeOptions>;

internal static class OptionsBuilderValidation
{
    /// <summary>Checks the settings with their generated <paramref name="validator"/> when the host starts.</summary>
    public static OptionsBuilder<T> ValidateWith<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(
        this OptionsBuilder<T> builder, IValidateOptions<T> validator)
        where T : class
    {
        builder.Services.AddSingleton(validator);
        return builder.ValidateOnStart();
    }
}
