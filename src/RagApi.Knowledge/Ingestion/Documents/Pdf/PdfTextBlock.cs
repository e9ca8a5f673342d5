namespace RagApi.Knowledge.Ingestion.Documents.Pdf;

/// <summary>One block of a page in reading order: its lines joined, its letters' size, where it sits on the page.</summary>
internal sealed record PdfTextBlock(int Page, string Text, double FontSize, bool Bold, double Top, double Bottom, double PageHeight)
{
    public int WordCount => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>In the top or bottom tenth of the page, where running heads, footers and page numbers sit.</summary>
    public bool InMargin => Top > PageHeight * 0.9 || Bottom < PageHeight * 0.1;
}
