// custom-elements-manifest analyzer settings for scripts/api-docs.ts: never touch package.json.
export default { packagejson: false, litelement: true };
