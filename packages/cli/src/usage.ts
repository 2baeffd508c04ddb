/** The help text for `toolgate --help`. */
export const usage = `toolgate: manage Toolgate from a terminal

Usage: toolgate <command> [options]

Commands:
  login --url URL [--key KEY]            Check an API key and save it (key read from stdin if omitted)
  servers list                           List MCP servers
  servers add NAME URL [--header "N: v"] Register a server (connection-tested, tools catalogued)
  servers rescan SERVER                  List a server's tools again
  policy pull SERVER [--out FILE]        Print (or save) the policy in force
  policy push SERVER FILE [--message M] [--base N|none]
                                         Publish FILE as the next version (--base: fail if it moved on)
  policy validate FILE [--server S]      Validate a policy file (offline unless --server is given)
  policy diff SERVER FROM [TO]           What changed between two versions (TO: the current one)
  policy simulate SERVER TOOL [--args JSON] [--draft FILE]
                                         What the policy (or a draft) decides for one call
  grants create LABEL [--server S]       Create a grant; prints its token once
    [--servers S1,S2]                    ... restricted to these servers (tenant URL and their own URLs)
  grants set-servers GRANT_ID --servers S1,S2|all   Change the servers a grant may use
  grants list                            List grants
  grants revoke GRANT_ID                 Revoke a grant
  logs tail [--follow] [--server S] [--decision D] [--tool T] [--limit N] [--interval SECONDS]
  logs export --from TIME [--to TIME] [--format ndjson|csv] [--server S] [--decision D] [--tool T]
                                         The latest calls, oldest first
  approvals list                         Calls waiting for a decision
  approvals approve|deny ID [--reason R] Decide one
  audit verify                           Check the audit hash chain (exit 1 if an event was edited or deleted)

SERVER is a server's id (srv_…) or slug.

Options:
  --json       Machine-readable output
  --url URL    Toolgate URL (else TOOLGATE_URL, else the saved login)
  --key KEY    API key (else TOOLGATE_API_KEY, else the saved login)
  -h, --help   This help

Exit codes: 0 success, 1 the operation failed, 2 the command line was wrong.
`;
