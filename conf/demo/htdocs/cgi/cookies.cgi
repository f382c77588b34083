#!/bin/sh
# Sets the demo's cookies and sends the browser where they are too large.
# The cookies expire after two minutes; /try/cookies/clear removes them.
fill() { head -c "$1" /dev/zero | tr '\0' "$2"; }
case "$PATH_INFO" in
/small)
    printf 'Status: 303 See Other\r\nLocation: /limited/\r\n'
    printf 'Set-Cookie: demo=%s; Path=/limited/; Max-Age=120\r\n' "$(fill 300 c)"
    ;;
/big)
    printf 'Status: 303 See Other\r\nLocation: /big/\r\n'
    for n in 1 2 3; do
        printf 'Set-Cookie: big%s=%s; Path=/big/; Max-Age=120\r\n' \
            "$n" "$(fill 3000 b)"
    done
    ;;
/clear)
    printf 'Status: 303 See Other\r\nLocation: /\r\n'
    printf 'Set-Cookie: demo=; Path=/limited/; Max-Age=0\r\n'
    for n in 1 2 3; do
        printf 'Set-Cookie: big%s=; Path=/big/; Max-Age=0\r\n' "$n"
    done
    ;;
*)
    printf 'Status: 404 Not Found\r\nContent-Type: text/plain\r\n\r\n'
    printf 'no such demo\n'
    exit 0
    ;;
esac
printf 'Content-Type: text/plain\r\n\r\nsee other\n'
