"""Tables: printed as they are filled and written to docs/benchmarks.md."""


def fmt_int(v):
    return f"{v:,.0f}"


def pct(part, whole):
    return f"{part / whole * 100:.2f} %"


def table(header, rows):
    """A markdown table; every cell already a string."""
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join(" --- " for _ in header) + "|"]
    for r in rows:
        out.append("| " + " | ".join(r) + " |")
    return "\n".join(out)


def fmt_bytes(n):
    if n >= 1 << 20:
        return f"{n / 1048576:,.1f} MiB"
    return f"{n / 1024:,.0f} KiB"
