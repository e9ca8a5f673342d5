using System.Xml;
using System.Xml.Linq;

namespace RagApi.Knowledge.Ingestion.Documents.Xml;

/// <summary>Safe reading of published XML: DTDs are not fetched (PubMed and PMC name theirs by URL), entities stay local.</summary>
internal static class XmlFiles
{
    public static XmlReader Open(string path) => XmlReader.Create(path, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    });

    public static int LineOf(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>An element's text with inline markup (italics, sub- and superscripts) flattened.</summary>
    public static string Text(XElement? element) => element is null ? "" : ExtractedText.Clean(element.Value);

    /// <summary>Children by local name, so JATS reads the same with or without its default namespace.</summary>
    public static IEnumerable<XElement> Children(this XElement? element, string localName) =>
        element?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    public static XElement? Child(this XElement? element, string localName) => element.Children(localName).FirstOrDefault();

    public static XElement? Path(this XElement? element, params string[] localNames)
    {
        foreach (var name in localNames) element = element.Child(name);
        return element;
    }

    public static IEnumerable<XElement> DescendantsNamed(this XElement element, string localName) =>
        element.Descendants().Where(e => e.Name.LocalName == localName);
}
