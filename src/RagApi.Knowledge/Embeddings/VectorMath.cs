using System.Numerics.Tensors;

namespace RagApi.Knowledge.Embeddings;

public static class VectorMath
{
    /// <summary>Vectors are unit length, so the dot product is the cosine.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    public static byte[] ToBytes(ReadOnlySpan<float> vector) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector).ToArray();

    public static float[] FromBytes(ReadOnlySpan<byte> bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
