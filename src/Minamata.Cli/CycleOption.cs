using System.CommandLine;
using Minamata.Reporting.Submissions;

namespace Minamata.Cli;

/// <summary><c>--cycle</c>, as the commands that work on one cycle take it: required, and a cycle id.</summary>
public static class CycleOption
{
    public static Option<string> Create(string description)
    {
        var option = new Option<string>("--cycle") { Description = description, Required = true };
        option.Validators.Add(result =>
        {
            if (!CycleId.IsValid(result.GetValueOrDefault<string>()))
            {
                result.AddError("--cycle must be a cycle id such as COP-7.");
            }
        });
        return option;
    }
}
