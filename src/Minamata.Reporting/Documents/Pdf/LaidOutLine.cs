namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// One line of a PDF page as it is laid out: its text in logical (reading) order, and where it
/// stands. Horizontal positions are in reading direction, so that a right-to-left line's
/// <see cref="Start"/> is its right edge (mirrored), and one test of wrapping serves both scripts.
/// </summary>
internal sealed record LaidOutLine(string Text, double Start, double End, double Baseline, double FontSize, bool Bold, bool RightToLeft, double FirstWordWidth)
{
    public double Width => End - Start;
}
