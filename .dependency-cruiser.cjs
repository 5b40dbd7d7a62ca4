/**
 * The layering rules, checked by `npm run lint` (and so in CI). See README, Layout.
 * Feature modules: workspaces, access-tokens, users, invitations, authorization. Each has domain/, application/, infrastructure/, http/.
 * outbox/ (the transactional outbox), email/ (its email deliverer) and events/ (domain events: the audit log
 * and their publishing) serve features and know none of them.
 * Shared by every module, knowing none: kernel/ (the caller, domain events, aggregates, the unit of work and the
 * ports one module offers another), common/, database/, config/, observability/.
 */
const FEATURE = '(workspaces|access-tokens|users|invitations|authorization)';
const SHARED = '(kernel|common|database|config|observability)';
const MODULE = '(workspaces|access-tokens|users|invitations|authorization|auth|idempotency|health|outbox|email|events)';
const FRAMEWORKS =
  '^node_modules/(@nestjs/|typeorm|fastify|@fastify/|class-validator|class-transformer|pg|@electric-sql/|passport|@nats-io/)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles between files (but the two ends of a TypeORM relation).',
      from: { path: '^src/', pathNot: '\\.orm-entity\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'No cycles between folders: modules and layers depend on each other one way.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-plain',
      severity: 'error',
      comment: 'The domain imports nothing from Nest, TypeORM, Fastify, class-validator, the database drivers or Passport.',
      from: { path: `^src/${FEATURE}/domain/` },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'domain-knows-no-outer-layer',
      severity: 'error',
      from: { path: `^src/${FEATURE}/domain/` },
      to: { path: `^src/(${FEATURE}/(application|infrastructure|http)|auth|idempotency|database|health|observability|config)/` },
    },
    {
      name: 'application-uses-only-nest-common',
      severity: 'error',
      comment: 'Use cases depend on ports, not frameworks: only @nestjs/common (for Injectable, checked by ESLint).',
      from: { path: `^src/${FEATURE}/application/` },
      to: { path: FRAMEWORKS, pathNot: '^node_modules/@nestjs/common/' },
    },
    {
      name: 'application-knows-no-adapter',
      severity: 'error',
      from: { path: `^src/${FEATURE}/application/` },
      to: { path: `^src/(${FEATURE}/(infrastructure|http)|auth|idempotency|database|health|observability)/` },
    },
    {
      name: 'infrastructure-knows-no-http',
      severity: 'error',
      from: { path: `^src/${FEATURE}/infrastructure/` },
      to: { path: `^src/${FEATURE}/http/` },
    },
    {
      name: 'shared-code-knows-no-module',
      severity: 'error',
      comment: 'kernel/, common/, database/, config/ and observability/ serve every module and know none of them.',
      from: { path: `^src/${SHARED}/` },
      to: { path: `^src/${MODULE}/` },
    },
    {
      name: 'kernel-is-plain',
      severity: 'error',
      comment: 'The shared kernel is plain types and ports: it imports nothing but itself and Node.',
      from: { path: '^src/kernel/' },
      to: { path: '^(src/(?!kernel/)|node_modules/)' },
    },
    {
      name: 'no-module-reaches-into-another',
      severity: 'error',
      comment:
        'A module offers others its domain (ports and types) and its Nest module, never its application/, infrastructure/ or http/: what several modules share lives in kernel/ or common/.',
      from: { path: `^src/${MODULE}/` },
      to: { path: `^src/${MODULE}/(application|infrastructure|http)/`, pathNot: '^src/$1/' },
    },
    {
      name: 'idempotency-knows-no-feature',
      severity: 'error',
      comment: 'Features switch idempotency on (@Idempotent()); it knows none of them.',
      from: { path: '^src/idempotency/' },
      to: { path: `^src/(${FEATURE}|auth|health)/` },
    },
    {
      name: 'workspaces-know-no-other-feature',
      severity: 'error',
      comment: 'Other features use workspaces; workspaces use none of them (users excepted, for expand=user).',
      from: { path: '^src/workspaces/' },
      to: { path: '^src/(access-tokens|invitations|outbox|email|auth)/' },
    },
    {
      name: 'users-know-no-other-feature',
      severity: 'error',
      from: { path: '^src/users/' },
      to: { path: '^src/(workspaces|access-tokens|invitations|outbox|email|auth)/' },
    },
    {
      name: 'outbox-and-email-know-no-feature',
      severity: 'error',
      comment:
        'Features enqueue messages (Outbox) and record events (EventLog); deliverers register for a topic; none of these knows a feature.',
      from: { path: '^src/(outbox|email|events)/' },
      to: { path: `^src/(${FEATURE}|auth|idempotency|health)/` },
    },
    {
      name: 'features-do-not-use-auth',
      severity: 'error',
      comment: 'auth uses the features (through AccessTokenAuthenticator), never the other way.',
      from: { path: `^src/${FEATURE}/` },
      to: { path: '^src/auth/' },
    },
    {
      name: 'access-tokens-only-through-the-port',
      severity: 'error',
      comment: 'Outside its module, access tokens are reached only through AccessTokenAuthenticator.',
      from: { path: '^src/', pathNot: '^src/(access-tokens/|app\\.module\\.ts|orm-entities\\.ts|data-source\\.ts)' },
      to: {
        path: '^src/access-tokens/',
        pathNot: '^src/access-tokens/(domain/access-token-authenticator\\.ts|access-tokens\\.module\\.ts)$',
      },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
