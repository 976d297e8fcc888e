using System.Runtime.CompilerServices;
namespace Parley.Linguistics.Tagging;

/// <summary>
/// 64-bit FNV-1a hashing of feature templates and their string values, without allocating the
/// feature strings. Collisions at 64 bits are negligible for models of a few million features.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Start(int template) => Mix(Offset, (ulong)template);

    public static ulong Mix(ulong h, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            h ^= value & 0xFF;
            h *= Prime;
            value >>= 8;
        }

        return h;
    }

    /// <summary>Fast mixing of 64-bit ids (feature templates over precomputed word/tag ids).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong h, ulong v)
    {
        h ^= v + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 31);
    }

    public static ulong Add(ulong h, ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            h ^= c;
            h *= Prime;
        }

        // a separator so ("ab","c") and ("a","bc") differ
        h ^= 0x1F;
        h *= Prime;
        return h;
    }

    public static ulong Of(int template, ReadOnlySpan<char> a) => Add(Start(template), a);

    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Add(Add(Start(template), a), b);
}
