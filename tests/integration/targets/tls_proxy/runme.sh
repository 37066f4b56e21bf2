#!/usr/bin/env bash
# TLS and proxies (issue #7, part 3): the emulator serves HTTPS with a throwaway CA made here by openssl; a tiny
# forward proxy on loopback (forward_proxy.py) logs every CONNECT / absolute-URI request it relays.
set -eu -o pipefail

if ! command -v openssl >/dev/null 2>&1; then
    echo "tls_proxy: openssl is not installed; skipping the TLS and proxy tests" >&2
    exit 0
fi
python="$(command -v "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}")"
work="$(mktemp -d "${TMPDIR:-/tmp}/live-jobs-tls-proxy.XXXXXX")"
proxy_pid=""
plain_pid=""
cleanup() {
    local pid
    for pid in "${proxy_pid}" "${plain_pid}"; do
        if [[ -n "${pid}" ]]; then kill "${pid}" 2>/dev/null || true; wait "${pid}" 2>/dev/null || true; fi
    done
    rm -rf "${work}"
}
trap cleanup EXIT   # start_emulator chains its own stop onto this trap

# a throwaway CA, a server certificate for 127.0.0.1 signed by it, and an unrelated CA
(
    cd "${work}"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=live-jobs test CA" -keyout ca.key -out ca.pem \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=unrelated CA" -keyout other.key -out other_ca.pem \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
    printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=CA:FALSE" \
        "keyUsage=digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext \
        -out server.pem 2>/dev/null
)

# shellcheck source-path=SCRIPTDIR source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh
start_emulator --tls-cert "${work}/server.pem" --tls-key "${work}/server.key"
[[ "${LIVE_JOBS_EMULATOR_URL}" == https://* ]] || { echo "tls_proxy: expected an https URL" >&2; exit 1; }

# a second, plain-HTTP emulator for HTTP_PROXY (absolute-URI forwarding)
PYTHONPATH="$(_live_jobs_collections_root)" "${python}" -m ansible_collections.mediaops.live_jobs.emulator --port 0 \
    --url-file "${work}/plain.url" >"${work}/plain.log" 2>&1 &
plain_pid=$!
"${python}" forward_proxy.py "${work}/proxy.port" "${work}/proxy.log" &
proxy_pid=$!
for _ in $(seq 100); do [[ -s "${work}/plain.url" && -s "${work}/proxy.port" ]] && break; sleep 0.1; done
[[ -s "${work}/plain.url" && -s "${work}/proxy.port" ]] || { echo "tls_proxy: helpers did not start" >&2; exit 1; }

# a port nothing listens on (a refused proxy)
dead_port="$("${python}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

export TLS_CA="${work}/ca.pem" TLS_OTHER_CA="${work}/other_ca.pem" PROXY_LOG="${work}/proxy.log"
PROXY_URL="http://127.0.0.1:$(cat "${work}/proxy.port")"
PLAIN_URL="$(head -n 1 "${work}/plain.url")"
export PROXY_URL PLAIN_URL DEAD_PROXY_URL="http://127.0.0.1:${dead_port}"
# the caller's proxy settings must not interfere
unset HTTPS_PROXY https_proxy HTTP_PROXY http_proxy NO_PROXY no_proxy ALL_PROXY all_proxy REQUESTS_CA_BUNDLE CURL_CA_BUNDLE

ansible-playbook -i "${INVENTORY_PATH}" tls_proxy.yml "$@"
