using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RagApi.Knowledge.Answering.Assembly;

namespace RagApi.Hosting.OpenApi;

/// <summary>
/// Documents the answer's shape: the lead statement and the sub-heading that groups statements. Set on the finished
/// document, because a property's own schema is replaced by a reference after the schema transformers run.
/// </summary>
internal sealed class AnswerShapeDescriptions : IOpenApiDocumentTransformer
{
    public const string Lead =
        "The statement that answers the question directly, with its citations; shown before the sections and not repeated " +
        "in them. Its citations are numbered first. Null when the answer is insufficient evidence or the composer chose no lead.";

    public const string Heading =
        "The aspect this statement belongs to within its section (e.g. \"Mechanism\", \"Treatment\"). Statements of a section " +
        "with the same heading are consecutive and form one group, shown under that sub-heading; null when the section is not grouped.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        Describe(document, nameof(ClinicalAnswer), "lead", Lead);
        Describe(document, nameof(AnswerStatement), "heading", Heading);
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiDocument document, string schemaName, string property, string description)
    {
        if (document.Components?.Schemas?.TryGetValue(schemaName, out var schema) != true || schema?.Properties is null) return;
        if (!schema.Properties.TryGetValue(property, out var found) || found is null) return;
        switch (found)
        {
            case OpenApiSchema inline: inline.Description = description; break;
            case OpenApiSchemaReference reference: reference.Description = description; break;
        }
    }
}
