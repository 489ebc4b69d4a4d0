# Sourced (not run) by setup.sh, app.sh and test.sh after ROOT is set: puts
# the tools the project installs for itself first on PATH. Today that is a
# Node.js new enough for Vite 7 (^20.19 or >= 22.12) where the system's is
# older (Debian 12's nodejs is 18): setup.sh installs it from the npm registry
# (the node-linux-* package carries the official binary) into .tools/node.
if [ -d "$ROOT/.tools/node/node_modules/.bin" ]; then
  export PATH="$ROOT/.tools/node/node_modules/.bin:$PATH"
fi
export PATH="$HOME/.cargo/bin:$PATH"
