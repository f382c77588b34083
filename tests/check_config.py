#!/usr/bin/python3
"""Fail when a field of a configuration struct has no create default or no
merge rule.

Reads the struct definitions of rg_dir_conf and rg_srv_conf from the config
header and checks that, in the config source, every field is assigned in the
matching create function and merged in the matching merge function (by
RG_MERGE(field, ...) or by an explicit `conf->field =`).

usage: check_config.py include/reqguard_config.h reqguard_config.c
"""
import re
import sys

STRUCTS = {
    "rg_dir_conf": ("rg_create_dir_conf", "rg_merge_dir_conf"),
    "rg_srv_conf": ("rg_create_srv_conf", "rg_merge_srv_conf"),
}


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def struct_fields(header, name):
    m = re.search(r"typedef struct \{([^{}]*)\}\s*" + name + r"\s*;", header)
    if not m:
        sys.exit(f"check_config: struct {name} not found")
    fields = []
    for decl in m.group(1).split(";"):
        decl = decl.strip()
        if not decl:
            continue
        fm = re.search(r"(\w+)\s*(\[[^\]]*\])?\s*$", decl)
        if not fm:
            sys.exit(f"check_config: cannot read declaration '{decl}'")
        fields.append(fm.group(1))
    return fields


def function_body(source, name):
    m = re.search(r"\n\w[^\n]*\b" + name + r"\([^)]*\)\s*\{", source)
    if not m:
        sys.exit(f"check_config: function {name} not found")
    depth, i = 1, m.end()
    while depth:
        depth += {"{": 1, "}": -1}.get(source[i], 0)
        i += 1
    return source[m.end():i]


def main(header_path, source_path):
    header = strip_comments(open(header_path).read())
    source = strip_comments(open(source_path).read())
    problems = []
    for struct, (create, merge) in STRUCTS.items():
        create_body = function_body(source, create)
        merge_body = function_body(source, merge)
        for field in struct_fields(header, struct):
            assigned = re.compile(r"conf->" + field + r"\b(\[\w+\])?\s*=")
            merged = re.compile(r"RG_MERGE\(\s*" + field + r"\b")
            if not assigned.search(create_body):
                problems.append(f"{struct}.{field}: no default in {create}()")
            if not (merged.search(merge_body) or assigned.search(merge_body)):
                problems.append(f"{struct}.{field}: no merge rule in {merge}()")
    for p in problems:
        print("check_config:", p, file=sys.stderr)
    if problems:
        return 1
    n = sum(len(struct_fields(header, s)) for s in STRUCTS)
    print(f"check_config: {n} fields, each with a default and a merge rule")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
