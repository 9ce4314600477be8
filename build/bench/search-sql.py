"""The SQL of GET /api/users?query= as EF Core runs it, for build/bench-search.sh.

  search-sql.py extract LOG DIR               the first userName and displayName queries of EF's command log (console
                                              format) -> DIR/by-username.sql, DIR/by-displayname.sql
  search-sql.py pgbench SQL VAR_TAKE          the query with its parameters as pgbench variables :from :to :afterid
                                              and :VAR_TAKE (its LIMIT), to run with -M extended like Npgsql; the
                                              "after" names of a first page are '' (pgbench has no empty variable)
  search-sql.py literal SQL PREFIX TAKE       the query with the values of a first page for PREFIX, for psql
"""
import re
import sys

LAST_CODE_POINT = "\U0010FFFF"  # SearchUsersHandler: a prefix p is the range [p, p + U+10FFFF)
PARAMETER = re.compile(r"@(\w+)")


def role(name):
    """What a parameter of the handler's queries holds, from the name EF gave it."""
    if re.search(r"from\d*$", name): return "from"
    if re.search(r"to\d*$", name): return "to"
    if name.endswith("afterId"): return "afterid"
    if name.startswith("after"): return "after"
    if re.fullmatch(r"p\d*", name): return "take"
    raise SystemExit(f"unknown parameter @{name} in the search SQL: update build/bench/search-sql.py")


def extract(log, directory):
    blocks, current = [], None
    for line in open(log, encoding="utf-8"):
        if "Executed DbCommand" in line:
            current = []
            blocks.append(current)
        elif current is not None and line.startswith("      "):
            current.append(line[6:].rstrip("\n"))
        else:
            current = None
    wanted = {"by-username.sql": 'WHERE u."UserName" >=', "by-displayname.sql": 'WHERE u."NormalizedDisplayName" >='}
    for file, marker in wanted.items():
        sql = next(("\n".join(b) for b in blocks if any(marker in l for l in b)), None)
        if sql is None: raise SystemExit(f"no query with {marker} in {log}")
        open(f"{directory}/{file}", "w", encoding="utf-8").write(sql + ";\n")


def pgbench(sql_file, take_variable):
    sql = open(sql_file, encoding="utf-8").read()
    def variable(m):
        r = role(m.group(1))
        return "''" if r == "after" else ":" + (take_variable if r == "take" else r)
    # pgbench reads one command per line unless it ends with a semicolon: join the lines.
    print(" ".join(PARAMETER.sub(variable, sql).split()))


def literal(sql_file, prefix, take):
    values = {"from": prefix, "to": prefix + LAST_CODE_POINT, "after": "", "afterid": "0", "take": take}
    quote = lambda r, v: v if r in ("afterid", "take") else "'" + v.replace("'", "''") + "'"
    sql = open(sql_file, encoding="utf-8").read()
    print(PARAMETER.sub(lambda m: quote(role(m.group(1)), values[role(m.group(1))]), sql))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"extract": extract, "pgbench": pgbench, "literal": literal}[command](*args)
