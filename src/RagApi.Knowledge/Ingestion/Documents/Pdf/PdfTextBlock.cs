namespace RagApi.Knowledge.Ingestion.Documents.Pdf;

/// <summary>
/// One block of a page in reading order: its lines joined, its letters' size and font, where it sits on the page,
/// and the words its first line opens with in a font of their own (a run-in heading, if its font says so).
/// </summary>
internal sealed record PdfTextBlock(int Page, string Text, double FontSize, bool Bold, double Top, double Bottom, double PageHeight)
{
    /// <summary>The font family of most of its letters, without the subset prefix ("AdvTT86d47313", "Minion-Regular").</summary>
    public string Font { get; init; } = "";

    public bool Italic { get; init; }

    public int Lines { get; init; } = 1;

    public PdfRunIn? RunIn { get; init; }

    public int WordCount => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>In the top or bottom tenth of the page, where running heads, footers and page numbers sit.</summary>
    public bool InMargin => Top > PageHeight * 0.9 || Bottom < PageHeight * 0.1;
}

/// <summary>The words a block's first line opens with in another font than the rest of it, and the text after them.</summary>
internal sealed record PdfRunIn(string Lead, string Font, double FontSize, bool Bold, string Rest);
