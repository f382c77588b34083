#!/bin/sh
# Start the demo Apache in the foreground: run.sh PORT MODULE_SO
# Its ServerRoot is build/run/PORT (or $RUN_ROOT), so that demos on two
# ports run side by side; Ctrl-C stops it.
set -e
port=$1
module=$2
demo=$(cd "$(dirname "$0")" && pwd)
root=${RUN_ROOT:-$(cd "$demo/../.." && pwd)/build/run/$port}
if [ -f "$root/httpd.pid" ] && kill -0 "$(cat "$root/httpd.pid")" 2>/dev/null; then
    echo "a demo server is already running on port $port" \
         "(pid $(cat "$root/httpd.pid")); stop it first" >&2
    exit 1
fi
mkdir -p "$root/cores"
chmod 755 "$root" "$(dirname "$root")"
# The children write their core files there; as root they run as www-data.
[ "$(id -u)" = 0 ] && chown www-data "$root/cores"
# The site is copied so that its pages can show the port in use.
rm -rf "$root/htdocs"
cp -r "$demo/htdocs" "$root/htdocs"
sed -i "s|@PORT@|$port|g" "$root/htdocs/index.html"
user=""
[ "$(id -u)" = 0 ] && user="User www-data
Group www-data"
sed -e "s|@ROOT@|$root|g" -e "s|@PORT@|$port|g" -e "s|@MODULE@|$module|g" \
    "$demo/httpd.conf.in" \
    | awk -v user="$user" '{ if ($0 == "@USER@") print user; else print }' \
    > "$root/httpd.conf"
out=$(/usr/sbin/apache2 -d "$root" -f "$root/httpd.conf" -t 2>&1) \
    || { echo "$out" >&2; exit 1; }
echo "mod_reqguard demo: http://127.0.0.1:$port/"
echo "logs: $root/error.log and $root/access.log"
echo "stop: Ctrl-C (or kill \$(cat $root/httpd.pid))"
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; echo "stopped"; exit 0' INT TERM
/usr/sbin/apache2 -d "$root" -f "$root/httpd.conf" -DFOREGROUND &
pid=$!
wait "$pid"
