using System.Runtime.CompilerServices;
using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Parsing;

/// <summary>
/// An arc-hybrid configuration: a stack (the root, token 0, at its bottom), a buffer (tokens
/// <c>B0..n</c>), and the arcs so far with each token's leftmost and rightmost children for features.
/// </summary>
internal sealed class ParserState
{
    private const int None = -1;

    private readonly TokenIds _ids;
    private readonly int[] _universal;
    private readonly int _n;
    private readonly int[] _stack;
    private readonly int[] _left1;
    private readonly int[] _left2;
    private readonly int[] _right1;
    private readonly int[] _right2;
    private readonly int[] _leftCount;
    private readonly int[] _rightCount;
    private readonly ulong[] _leftLabelSet;
    private readonly ulong[] _rightLabelSet;
    private int _depth;

    public ParserState(TokenIds ids, int[] universal)
    {
        _ids = ids;
        _universal = universal;
        _n = ids.Words.Length - 1;
        _stack = new int[_n + 2];
        Heads = new int[_n + 1];
        Labels = new int[_n + 1];
        _left1 = new int[_n + 1];
        _left2 = new int[_n + 1];
        _right1 = new int[_n + 1];
        _right2 = new int[_n + 1];
        _leftCount = new int[_n + 1];
        _rightCount = new int[_n + 1];
        _leftLabelSet = new ulong[_n + 1];
        _rightLabelSet = new ulong[_n + 1];
        Array.Fill(Heads, None);
        Array.Fill(_left1, None);
        Array.Fill(_left2, None);
        Array.Fill(_right1, None);
        Array.Fill(_right2, None);
        _stack[0] = 0;
        _depth = 1;
        B0 = _n >= 1 ? 1 : _n + 1;
    }

    public int[] Heads { get; }

    public int[] Labels { get; }

    /// <summary>Front of the buffer; <c>n + 1</c> when the buffer is empty.</summary>
    public int B0 { get; private set; }

    public int S0 => _depth >= 1 ? _stack[_depth - 1] : None;

    public int S1 => _depth >= 2 ? _stack[_depth - 2] : None;

    public int S2 => _depth >= 3 ? _stack[_depth - 3] : None;

    private bool BufferEmpty => B0 > _n;

    public bool Terminal => BufferEmpty && _depth == 1;

    public bool CanShift => !BufferEmpty;

    public bool CanLeft => _depth >= 2 && !BufferEmpty;

    /// <summary>A right arc onto the root only as the very last transition: exactly one root.</summary>
    public bool CanRight => _depth >= 3 || (_depth == 2 && BufferEmpty);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(int action)
    {
        if (action == 0)
        {
            _stack[_depth++] = B0++;
            return;
        }

        var label = (action - 1) / 2;
        var dep = S0;
        var head = action % 2 == 1 ? B0 : S1;
        _depth--;
        Heads[dep] = head;
        Labels[dep] = label;
        var bit = 1UL << (_universal[label] & 63);
        if (dep < head)
        {
            _leftCount[head]++;
            _leftLabelSet[head] |= bit;
            if (_left1[head] == None || dep < _left1[head])
            {
                _left2[head] = _left1[head];
                _left1[head] = dep;
            }
            else if (_left2[head] == None || dep < _left2[head])
            {
                _left2[head] = dep;
            }
        }
        else
        {
            _rightCount[head]++;
            _rightLabelSet[head] |= bit;
            if (_right1[head] == None || dep > _right1[head])
            {
                _right2[head] = _right1[head];
                _right1[head] = dep;
            }
            else if (_right2[head] == None || dep > _right2[head])
            {
                _right2[head] = dep;
            }
        }
    }

    /// <summary>
    /// Dynamic-oracle costs of SHIFT, LEFT and RIGHT (unlabelled): how many gold arcs each makes
    /// unreachable (Goldberg and Nivre 2013, arc-hybrid).
    /// </summary>
    public void Costs(int[] goldHeads, int[] costs)
    {
        var s0 = S0;
        var s1 = S1;
        var b0 = B0;

        // SHIFT: b0 can no longer take a head deeper than s0 in the stack, nor be the head of a stack item.
        if (CanShift)
        {
            var c = 0;
            for (var k = 0; k < _depth; k++)
            {
                var d = _stack[k];
                if (d != 0 && goldHeads[d] == b0)
                {
                    c++;
                }

                if (k < _depth - 1 && goldHeads[b0] == d)
                {
                    c++;
                }
            }

            costs[0] = c;
        }
        else
        {
            costs[0] = int.MaxValue;
        }

        if (_depth >= 2)
        {
            // Popping s0 loses its dependents still in the buffer.
            var lostDeps = 0;
            for (var d = b0; d <= _n; d++)
            {
                if (goldHeads[d] == s0)
                {
                    lostDeps++;
                }
            }

            var g = goldHeads[s0];
            var headInBufferAfterB0 = g > b0 && g <= _n;
            costs[1] = CanLeft ? lostDeps + ((g == s1 || headInBufferAfterB0) ? 1 : 0) : int.MaxValue;
            costs[2] = CanRight ? lostDeps + ((g >= b0 && g <= _n) ? 1 : 0) : int.MaxValue;
        }
        else
        {
            costs[1] = int.MaxValue;
            costs[2] = int.MaxValue;
        }
    }

    /// <summary>The numbers of all feature templates, in the order they are written (a template number is at most 96).</summary>
    public static readonly int[] TemplateNumbers =
    [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
        40, 41, 42, 43, 44, 45, 46, 47, 48, 49,
        50, 51, 52, 53, 54, 55, 56, 57,
        60, 61, 62, 63, 64, 65,
        70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90,
        91, 92, 93, 94, 95, 96,
    ];

    /// <summary>One more than the largest template number: the length of a template mask.</summary>
    public const int TemplateSlots = 97;

    private ulong W(int i) => i < 0 ? 1UL : (i > _n ? 2UL : _ids.Words[i]);

    private ulong P(int i) => i < 0 ? 1UL : (i > _n ? 2UL : _ids.Tags[i]);

    private ulong U(int i) => i < 0 ? 1UL : (i > _n ? 2UL : _ids.UTags[i]);

    private ulong L(int i) => i < 0 || i > _n || Heads[i] == None ? 3UL : (ulong)Labels[i] + 10;

    private static ulong F(int t, ulong a) => FeatureHash.Combine(FeatureHash.Combine(0x51ED27UL, (ulong)t), a);

    private static ulong F(int t, ulong a, ulong b) => FeatureHash.Combine(F(t, a), b);

    private static ulong F(int t, ulong a, ulong b, ulong c) => FeatureHash.Combine(F(t, a, b), c);

    private static int Child(int[] table, int i) => i < 0 || i >= table.Length ? None : table[i];

    /// <summary>
    /// Writes the hashed features of the active templates into <paramref name="f"/> and returns their number.
    /// <paramref name="on"/> is indexed by template number (<see cref="TemplateNumbers"/>); a feature's hash depends on its
    /// template number only, so a model trained on a subset of the templates scores the same features in any build.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Features(Span<ulong> f, ReadOnlySpan<bool> on)
    {
        var s0 = S0;
        var s1 = S1;
        var s2 = S2;
        var b0 = BufferEmpty ? _n + 1 : B0;
        var b1 = b0 + 1 <= _n ? b0 + 1 : _n + 1;
        var b2 = b0 + 2 <= _n ? b0 + 2 : _n + 1;
        var s0l = Child(_left1, s0);
        var s0l2 = Child(_left2, s0);
        var s0r = Child(_right1, s0);
        var s0r2 = Child(_right2, s0);
        var s1r = Child(_right1, s1);
        var s1l = Child(_left1, s1);
        var b0l = b0 <= _n ? _left1[b0] : None;
        var b0l2 = b0 <= _n ? _left2[b0] : None;

        ulong s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), b0w = W(b0), b0p = P(b0), b1w = W(b1), b1p = P(b1), b2p = P(b2);
        var dist = (ulong)(s0 < 0 || b0 > _n ? 0 : Math.Min(b0 - s0, 5));
        var dist10 = (ulong)(s1 < 0 || s0 < 0 ? 0 : Math.Min(s0 - s1, 5));
        var s0vl = s0 >= 0 ? (ulong)Math.Min(_leftCount[s0], 4) : 9;
        var s0vr = s0 >= 0 ? (ulong)Math.Min(_rightCount[s0], 4) : 9;
        var b0vl = b0 <= _n ? (ulong)Math.Min(_leftCount[b0], 4) : 9;
        var s0sl = s0 >= 0 ? _leftLabelSet[s0] : 0;
        var s0sr = s0 >= 0 ? _rightLabelSet[s0] : 0;
        var b0sl = b0 <= _n ? _leftLabelSet[b0] : 0;

        var k = 0;

        // single words
        f[k++] = F(1, s0w, s0p);
        f[k++] = F(2, s0w);
        f[k++] = F(3, s0p);
        f[k++] = F(4, b0w, b0p);
        f[k++] = F(5, b0w);
        f[k++] = F(6, b0p);
        f[k++] = F(7, b1w, b1p);
        f[k++] = F(8, b1w);
        f[k++] = F(9, b1p);
        f[k++] = F(10, W(b2), b2p);
        f[k++] = F(11, b2p);
        f[k++] = F(12, s1w, s1p);
        f[k++] = F(13, s1w);
        f[k++] = F(14, s1p);
        f[k++] = F(15, P(s2));
        f[k++] = F(16, U(s0), U(b0));

        // pairs
        f[k++] = F(20, F(0, s0w, s0p), b0w, b0p);
        f[k++] = F(21, s0w, s0p, b0w);
        f[k++] = F(22, s0w, b0w, b0p);
        f[k++] = F(23, s0w, s0p, b0p);
        f[k++] = F(24, s0p, b0w, b0p);
        f[k++] = F(25, s0w, b0w);
        f[k++] = F(26, s0p, b0p);
        f[k++] = F(27, b0p, b1p);
        f[k++] = F(28, s1w, s0w);
        f[k++] = F(29, s1p, s0p);
        f[k++] = F(30, F(0, s1w, s1p), s0w, s0p);
        f[k++] = F(31, s1p, s0w);
        f[k++] = F(32, s1w, s0p);

        // triples
        f[k++] = F(40, b0p, b1p, b2p);
        f[k++] = F(41, s0p, b0p, b1p);
        f[k++] = F(42, s1p, s0p, b0p);
        f[k++] = F(43, s0p, P(s0l), b0p);
        f[k++] = F(44, s0p, P(s0r), b0p);
        f[k++] = F(45, s0p, b0p, P(b0l));
        f[k++] = F(46, s1p, s0p, P(s0l));
        f[k++] = F(47, s1p, s0p, P(s0r));
        f[k++] = F(48, s1p, P(s1r), s0p);
        f[k++] = F(49, P(s2), s1p, s0p);

        // distance
        f[k++] = F(50, s0w, dist);
        f[k++] = F(51, s0p, dist);
        f[k++] = F(52, b0w, dist);
        f[k++] = F(53, b0p, dist);
        f[k++] = F(54, s0w, b0w, dist);
        f[k++] = F(55, s0p, b0p, dist);
        f[k++] = F(56, s1p, s0p, dist10);
        f[k++] = F(57, s1w, s0w, dist10);

        // valency
        f[k++] = F(60, s0w, s0vr);
        f[k++] = F(61, s0p, s0vr);
        f[k++] = F(62, s0w, s0vl);
        f[k++] = F(63, s0p, s0vl);
        f[k++] = F(64, b0w, b0vl);
        f[k++] = F(65, b0p, b0vl);

        // children
        f[k++] = F(70, W(s0l));
        f[k++] = F(71, P(s0l));
        f[k++] = F(72, L(s0l));
        f[k++] = F(73, W(s0r));
        f[k++] = F(74, P(s0r));
        f[k++] = F(75, L(s0r));
        f[k++] = F(76, W(b0l));
        f[k++] = F(77, P(b0l));
        f[k++] = F(78, L(b0l));
        f[k++] = F(79, W(s0l2), P(s0l2));
        f[k++] = F(80, L(s0l2));
        f[k++] = F(81, W(s0r2), P(s0r2));
        f[k++] = F(82, L(s0r2));
        f[k++] = F(83, W(b0l2), P(b0l2));
        f[k++] = F(84, L(b0l2));
        f[k++] = F(85, s0p, P(s0l), P(s0l2));
        f[k++] = F(86, s0p, P(s0r), P(s0r2));
        f[k++] = F(87, b0p, P(b0l), P(b0l2));
        f[k++] = F(88, s1p, L(s1l), L(s1r));
        f[k++] = F(89, s0p, L(s0l), L(s0r));
        f[k++] = F(90, b0p, L(b0l));

        // label sets
        f[k++] = F(91, s0w, s0sr);
        f[k++] = F(92, s0p, s0sr);
        f[k++] = F(93, s0w, s0sl);
        f[k++] = F(94, s0p, s0sl);
        f[k++] = F(95, b0w, b0sl);
        f[k++] = F(96, b0p, b0sl);

        // Template i of TemplateNumbers wrote f[i]: keep those of the active templates, in order.
        var kept = 0;
        for (var i = 0; i < k; i++)
        {
            if (on[TemplateNumbers[i]])
            {
                f[kept++] = f[i];
            }
        }

        return kept;
    }
}
