# Multi-stage image of the API. It talks to the Neo4j named by NEO4J_URI (see docker-compose.yml).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts

# The build (dev dependencies): the explorer page and GraphiQL (dist/web/, bundled by esbuild, so the
# image serves them with no CDN and no build tool inside), and the server compiled to dist/server/.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY README.md tsconfig.json ./
COPY schema ./schema
COPY src ./src
COPY scripts/build-web.ts scripts/build-server.ts ./scripts/
COPY web ./web
RUN npx tsx scripts/build-web.ts --check && npx tsx scripts/build-server.ts

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# package.json marks the project root (src/config/paths.ts) and the modules as ES modules.
COPY package.json ./
COPY schema ./schema
# The MCP tools' operations (POST /mcp; src/mcp/operations.ts reads them at start).
COPY mcp ./mcp
COPY seed ./seed
# The API reference served at /docs (generated from the SDL by scripts/build-docs.ts, committed).
COPY docs/reference ./docs/reference
USER node
EXPOSE 4000
# The compiled server, run by plain node (no TypeScript at run time), with npm start's V8 flags
# (docs/operations.md, "Memory"; test/process.test.ts keeps the two the same).
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=20", "dist/server/main.js"]
