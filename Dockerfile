# Multi-stage image of the API. It talks to the Neo4j named by NEO4J_URI (see docker-compose.yml).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts

# The explorer page and GraphiQL (dist/web/), bundled by esbuild, a dev dependency: built here, so
# the image serves them with no CDN and no build tool inside.
FROM node:22-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY README.md tsconfig.json ./
COPY schema ./schema
COPY src ./src
COPY scripts/build-web.ts ./scripts/
COPY web ./web
RUN npx tsx scripts/build-web.ts --check

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=web /app/dist/web ./dist/web
COPY package.json ./
COPY schema ./schema
COPY seed ./seed
COPY src ./src
USER node
EXPOSE 4000
# tsx (a runtime dependency) runs the TypeScript sources directly: no build step to drift.
CMD ["node", "--import", "tsx", "src/main.ts"]
