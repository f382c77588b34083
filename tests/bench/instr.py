"""Instructions per request: (Ir(N_HIGH) - Ir(N_LOW)) / (N_HIGH - N_LOW), from
callgrind profiles of apache2 -X, the median of several runs at each N."""
import collections
import statistics

import cgprof
import setups

N_LOW, N_HIGH = 50, 250

Figure = collections.namedtuple(
    "Figure", "config request per_request own low high runs")


def _median(values):
    return statistics.median(values)


def profiles(config, request, n, runs, progress=None):
    out = []
    for i in range(runs):
        if progress:
            progress(f"{config}/{request} n={n} run {i + 1}/{runs}")
        out.append(cgprof.profile(config, request, n))
    return out


def measure(config, request, runs=3, lo=N_LOW, hi=N_HIGH, progress=None,
            keep=False):
    """Per-request instructions of `request` under `config`.

    per_request: median total at hi minus median total at lo, over hi - lo
    own:         the same for the instructions inside the configuration's
                 own module (mod_reqguard.so, mod_reqtimeout.so, ...)
    low, high:   the smallest and largest estimate from run i at lo paired
                 with run i at hi: how far a single pair can be off
    With keep, the profiles are returned too (for the breakdown)."""
    p_lo = profiles(config, request, lo, runs, progress)
    p_hi = profiles(config, request, hi, runs, progress)
    span = hi - lo
    per = (_median([p.total for p in p_hi])
           - _median([p.total for p in p_lo])) / span
    own_obj = setups.CONFIGS[config].own
    own = None
    if own_obj:
        own = (_median([p.object_cost(own_obj) for p in p_hi])
               - _median([p.object_cost(own_obj) for p in p_lo])) / span
    pairs = [(h.total - l.total) / span for l, h in zip(p_lo, p_hi)]
    fig = Figure(config, request, per, own, min(pairs), max(pairs), runs)
    if per <= 0 or (own is not None and own < 0):
        raise cgprof.ProfileError(f"implausible figure {fig}")
    if keep:
        return fig, p_lo, p_hi
    return fig


# ---- breakdown --------------------------------------------------------------

def _per_request_counter(p_lo, p_hi, get, span):
    """{key: per-request value} from the median of get(profile) over the
    runs at each N."""
    keys = set()
    for p in p_lo + p_hi:
        keys.update(get(p).keys())
    out = {}
    for k in keys:
        lo = _median([get(p).get(k, 0) for p in p_lo])
        hi = _median([get(p).get(k, 0) for p in p_hi])
        v = (hi - lo) / span
        if v:
            out[k] = v
    return out


def _calls(p, which):
    """Call counts (which=0) or inclusive cost (which=1) per edge."""
    return {k: v[which] for k, v in p.calls.items()}


def _short(key):
    ob, fn = key
    import os
    return f"{fn} [{os.path.basename(ob or '?')}]"


def breakdown(config, request, runs=3, top=25, progress=None, out=print):
    """Print where the instructions per request go: the functions of the
    configuration's module by self cost, the Apache and libc functions it
    calls (inclusive), the hooks and filters that enter it, and the whole
    process's change against stock function by function."""
    import os
    span = N_HIGH - N_LOW
    fig, p_lo, p_hi = measure(config, request, runs, progress=progress,
                              keep=True)
    stock = None
    if config != "stock":
        stock, s_lo, s_hi = measure("stock", request, runs,
                                    progress=progress, keep=True)
    selfc = _per_request_counter(p_lo, p_hi, lambda p: p.self_cost, span)
    ncalls = _per_request_counter(p_lo, p_hi, lambda p: _calls(p, 0), span)
    icost = _per_request_counter(p_lo, p_hi, lambda p: _calls(p, 1), span)
    own_obj = setups.CONFIGS[config].own

    def in_own(key):
        return bool(own_obj and key[0]
                    and os.path.basename(key[0]) == own_obj)

    out(f"breakdown: {setups.CONFIGS[config].title} / "
        f"{setups.REQUESTS[request].title}")
    out(f"  per request, median of {runs} runs of {N_LOW} and {N_HIGH} "
        f"requests: (Ir({N_HIGH}) - Ir({N_LOW})) / {span}")
    out(f"  this configuration: {fig.per_request:10,.0f} "
        f"(pairs {fig.low:,.0f} .. {fig.high:,.0f})")
    if stock:
        added = fig.per_request - stock.per_request
        out(f"  stock Apache:       {stock.per_request:10,.0f} "
            f"(pairs {stock.low:,.0f} .. {stock.high:,.0f})")
        out(f"  added:              {added:+10,.0f} "
            f"({added / stock.per_request * 100:+.2f} % of stock)")
    if own_obj:
        out(f"  inside {own_obj}: {fig.own:10,.0f}")
        out("")
        out(f"Functions inside {own_obj}, self instructions per request:")
        rows = sorted(((v, k) for k, v in selfc.items() if in_own(k)),
                      reverse=True)
        for v, k in rows[:top]:
            out(f"  {v:9,.1f}  {k[1]}")
        out(f"  {sum(v for v, _ in rows):9,.1f}  (all {len(rows)})")
        out("")
        out(f"Calls from {own_obj} to other objects, per request "
            f"(instructions including callees, calls; a filter's call to "
            f"the next filter includes the reading stock Apache does too):")
        callee = collections.Counter()
        count = collections.Counter()
        for k, v in icost.items():
            if in_own(k[0]) and not in_own(k[1]):
                callee[k[1]] += v
                count[k[1]] += ncalls.get(k, 0)
        rows = sorted(((v, k) for k, v in callee.items()), reverse=True)
        for v, k in rows[:top]:
            out(f"  {v:9,.1f}  {count[k]:6.1f}x  {_short(k)}")
        out(f"  {sum(v for v, _ in rows):9,.1f}  (all {len(rows)})")
        out("")
        out(f"Entries into {own_obj} from other objects, per request "
            f"(instructions including callees, calls):")
        entry = collections.Counter()
        count = collections.Counter()
        for k, v in icost.items():
            if in_own(k[1]) and not in_own(k[0]):
                entry[(k[1], k[0])] += v
                count[(k[1], k[0])] += ncalls.get(k, 0)
        rows = sorted(((v, k) for k, v in entry.items()), reverse=True)
        for v, (fn, caller) in rows[:top]:
            out(f"  {v:9,.1f}  {count[(fn, caller)]:6.1f}x  {fn[1]}  "
                f"<- {_short(caller)}")
    if stock:
        sself = _per_request_counter(s_lo, s_hi, lambda p: p.self_cost, span)
        delta = {k: selfc.get(k, 0) - sself.get(k, 0)
                 for k in set(selfc) | set(sself)}
        out("")
        out("Whole process, self instructions per request, this "
            "configuration minus stock (largest changes):")
        rows = sorted(((abs(v), v, k) for k, v in delta.items()
                       if abs(v) >= 0.5), reverse=True)
        for _, v, k in rows[:top]:
            out(f"  {v:+9,.1f}  {_short(k)}")
        out(f"  {sum(delta.values()):+9,.1f}  (sum over all functions)")
    return fig, stock
