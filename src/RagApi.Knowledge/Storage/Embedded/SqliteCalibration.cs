using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagApi.Knowledge.Storage.Embedded;

/// <summary>The model's calibrated thresholds as rows of the meta table, next to the model binding (no schema change).</summary>
internal static class SqliteCalibration
{
    private const string ModelKey = "calibrated_model";
    private const string RelevanceKey = "relevance_threshold";
    private const string SupportKey = "support_threshold";

    public static ModelCalibration? Read(SqliteConnection connection)
    {
        var model = SqliteSchema.Meta(connection, ModelKey);
        var relevance = SqliteSchema.Meta(connection, RelevanceKey);
        var support = SqliteSchema.Meta(connection, SupportKey);
        return model is null || relevance is null || support is null
            ? null
            : new ModelCalibration(model, float.Parse(relevance, CultureInfo.InvariantCulture), float.Parse(support, CultureInfo.InvariantCulture));
    }

    public static void Write(SqliteConnection connection, SqliteTransaction transaction, ModelCalibration calibration)
    {
        var bound = SqliteSchema.Meta(connection, "embedding_model", transaction);
        if (bound != calibration.ModelId)
            throw new EmbeddingModelMismatchException(bound ?? "(none)", 0, calibration.ModelId, 0);
        SqliteSchema.SetMeta(connection, transaction, ModelKey, calibration.ModelId);
        SqliteSchema.SetMeta(connection, transaction, RelevanceKey, calibration.RelevanceThreshold.ToString("R", CultureInfo.InvariantCulture));
        SqliteSchema.SetMeta(connection, transaction, SupportKey, calibration.SupportThreshold.ToString("R", CultureInfo.InvariantCulture));
    }
}
