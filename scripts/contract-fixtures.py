#!/usr/bin/env python3
"""Writes test/contract/fixtures/<operationId>.json: requests to every implemented operation and the
answer the reference API (FastAPI + pydantic 2) gives each of them, 422 with its loc/type list or not.

    python3 scripts/contract-fixtures.py        # needs pydantic 2, PyYAML and email-validator

The models are built from the contract's request schemas (test/contract/*.yaml, extensions.openapi.yaml
for this service's own operations) and validated the way FastAPI does: the JSON body read by Python's
`json`, path, query and body errors together in that order, a query list item by item, the last value of
a repeated scalar. Where the service deliberately answers otherwise (DEVIATIONS, each a row of the
README's differences table), the fixture expects the service's answer and names the deviation.

The generated requests are edge cases of every field's type plus seeded random combinations, so the
fixtures are the same on every run. To cover a new operation, add its operationId to IMPLEMENTED.
"""
import enum
import json
import random
import re
import unicodedata
import uuid
import base64
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, List, Literal, Optional

import yaml
from pydantic import UUID4, AfterValidator, BeforeValidator, ConfigDict, EmailStr, Field, FutureDatetime, StringConstraints, TypeAdapter, ValidationError, create_model
from pydantic_core import PydanticCustomError

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / 'test' / 'contract'
SPECS = ['create-workspace.openapi.yaml', 'askui-workspaces-api-0.2.15.subset.yaml', 'extensions.openapi.yaml']

IMPLEMENTED = [
    'create_workspace_api_v1_workspaces_post',
    'list_workspaces_api_v1_workspaces_get',
    'get_workspace_api_v1_workspaces__workspace_id__get',
    'update_workspace_name_api_v1_workspaces__workspace_id__patch',
    'delete_workspace_api_v1_workspaces__workspace_id__delete',
    'create_workspace_membership_api_v1_workspace_memberships_post',
    'list_workspace_memberships_api_v1_workspace_memberships_get',
    'get_workspace_membership_api_v1_workspace_memberships__workspace_membership_id__get',
    'delete_workspace_membership_api_v1_workspace_memberships__workspace_membership_id__delete',
    'create_access_token_api_v1_workspaces__workspace_id__access_tokens_post',
    'list_access_tokens_api_v1_workspaces__workspace_id__access_tokens_get',
    'lookup_workspace_access_token_api_v1_workspaces__workspace_id__access_tokens_lookup_post',
    'delete_access_token_api_v1_workspaces__workspace_id__access_tokens__token_id__delete',
    'create_invite_api_v1_workspaces__workspace_id__invites_post',
    'list_invites_api_v1_workspaces__workspace_id__invites_get',
    'process_invite_api_v1_workspaces__workspace_id__invites__invitation_id__put',
    'revoke_invite_api_v1_workspaces__workspace_id__invites__invitation_id__delete',
    'list_user_invites_api_v1_invites_get',
    'create_access_token_api_v1_access_tokens_post',
    'list_access_tokens_api_v1_access_tokens_get',
    'delete_access_token_api_v1_access_tokens__token_id__delete',
    'lookup_access_token_api_v1_access_tokens_lookup_post',
    'list_workspace_membership_api_v1_users__user_id__workspace_memberships_get',
    'list_workspace_events_api_v1_workspaces__workspace_id__events_get',
]

# The service's deliberate differences. Each names the fields it applies to, as
# "<Schema>.<property>" for body fields and "<operationId>.<parameter>" for parameters ('*': all text).
USER_ID_MAX_LENGTH = 255
MAX_JSON_DEPTH = 32
USER_IDS = {'CreateWorkspaceMembershipRequestDto.userId', 'CreateWorkspaceRequestDto.firstMemberId',
            'list_workspace_memberships_api_v1_workspace_memberships_get.user_id',
            'list_access_tokens_api_v1_access_tokens_get.subject_id',
            'list_workspace_membership_api_v1_users__user_id__workspace_memberships_get.user_id'}
DEVIATIONS = {
    'storable-text': '*',
    'user-id-length': USER_IDS,
    'future-expiry': {'CreateWorkspaceAccessTokenRequestDto.expiresAt', 'CreateSubjectAccessTokenCommand.expiresAt'},
    'json-depth': None,  # the body as a whole
    'json-prototype-keys': None,
    'email-nfc': {'CreateInviteCommand.email'},
}
PROTOTYPE_KEY = re.compile(r'"__proto__"\s*:|"constructor"\s*:\s*\{\s*"prototype"')


def storable(value: str) -> str:
    if '\0' in value:
        raise PydanticCustomError('value_error', 'Value error, text must not contain the NUL character (U+0000)')
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise PydanticCustomError('string_unicode', 'Input should be a valid string, unable to parse raw data as a unicode string')
    return value


def nfc_address(value: Any) -> Any:
    """An invitee's address must be sent in Unicode normalization form NFC (normalising it could make it another mailbox)."""
    if isinstance(value, str) and unicodedata.normalize('NFC', value.strip()) != value.strip():
        raise PydanticCustomError('value_error', 'value is not a valid email address: The address must be in Unicode normalization form NFC (check for look-alike characters).')
    return value


def valid_cursor(value: str) -> str:
    """The workspace list's cursor: what WorkspaceListCursor.decode accepts (an extension's own rule)."""
    try:
        padded = value + '=' * (-len(value) % 4)
        if not re.fullmatch(r'[A-Za-z0-9_-]*=*', padded):
            raise ValueError
        decoded = json.loads(base64.urlsafe_b64decode(padded))
        joined_at, workspace_id = decoded
        iso = datetime.fromisoformat(joined_at.replace('Z', '+00:00'))
        again = base64.urlsafe_b64encode(json.dumps([iso.strftime('%Y-%m-%dT%H:%M:%S.') + f'{iso.microsecond // 1000:03d}Z', str(uuid.UUID(workspace_id))], separators=(',', ':')).encode()).decode().rstrip('=')
        if again != value:
            raise ValueError
    except Exception:
        raise PydanticCustomError('value_error', 'Invalid cursor: use a nextCursor this service returned')
    return value


def valid_event_cursor(value: str) -> str:
    """The audit log's cursor: what WorkspaceEventCursor.decode accepts (base64url of `e<page mark>`)."""
    try:
        padded = value + '=' * (-len(value) % 4)
        if not re.fullmatch(r'[A-Za-z0-9_-]*=*', padded):
            raise ValueError
        decoded = base64.urlsafe_b64decode(padded).decode('latin1')
        match = re.fullmatch(r'e([1-9][0-9]{0,15})', decoded)
        if not match or int(match[1]) > 2**53 - 1 or event_cursor(int(match[1])) != value:
            raise ValueError
    except Exception:
        raise PydanticCustomError('value_error', 'Invalid cursor: use a nextCursor this service returned')
    return value


class Spec:
    def __init__(self):
        self.operations = {}
        self.schemas = {}
        for name in SPECS:
            document = yaml.safe_load((CONTRACT / name).read_text())
            self.schemas.update(document.get('components', {}).get('schemas', {}))
            for path, item in document['paths'].items():
                for method, operation in item.items():
                    self.operations[operation['operationId']] = (method.upper(), path, operation)

    def resolve(self, schema):
        return self.schemas[schema['$ref'].split('/')[-1]] if '$ref' in schema else schema


class Typer:
    """JSON schema -> pydantic annotation, as FastAPI's models declare them; `deviations` switches ours on."""

    def __init__(self, spec: Spec, deviations: set):
        self.spec, self.deviations, self.enums = spec, deviations, {}

    def applies(self, key: str, where: str) -> bool:
        if key not in self.deviations:
            return False
        scope = DEVIATIONS[key]
        return scope == '*' or where in scope

    def annotation(self, schema: dict, where: str):
        if '$ref' in schema:
            name = schema['$ref'].split('/')[-1]
            target = self.spec.schemas[name]
            if 'enum' in target:
                if name not in self.enums:
                    self.enums[name] = enum.Enum(name, {v: v for v in target['enum']}, type=str)
                return self.enums[name]
            return self.annotation(target, where)
        if 'anyOf' in schema:
            options = [s for s in schema['anyOf'] if s.get('type') != 'null']
            assert len(options) == 1, schema
            return Optional[self.annotation(options[0], where)]
        if 'const' in schema:
            return Literal[schema['const']]
        if 'enum' in schema:
            return Literal[tuple(schema['enum'])]
        kind = schema.get('type')
        if kind == 'array':
            item = self.annotation(schema['items'], where)
            return Annotated[List[item], Field(max_length=schema.get('maxItems'))]
        if kind == 'integer':
            return Annotated[int, Field(ge=schema.get('minimum'), le=schema.get('maximum'))]
        if kind == 'string':
            fmt = schema.get('format')
            if fmt == 'uuid4':
                return UUID4
            if fmt == 'date-time':
                return FutureDatetime if self.applies('future-expiry', where) else datetime
            if fmt == 'email':
                return Annotated[EmailStr, BeforeValidator(nfc_address)] if self.applies('email-nfc', where) else EmailStr
            low, high = schema.get('minLength'), schema.get('maxLength')
            if self.applies('user-id-length', where):
                low, high = 1, USER_ID_MAX_LENGTH
            text = Annotated[str, StringConstraints(min_length=low, max_length=high)]
            if schema.get('x-cursor') == 'events':
                text = Annotated[text, AfterValidator(valid_event_cursor)]
            elif schema.get('x-cursor'):
                text = Annotated[text, AfterValidator(valid_cursor)]
            if self.applies('storable-text', where):
                text = Annotated[text, AfterValidator(storable)]
            return text
        raise ValueError(f'unsupported schema {schema}')

    def model(self, name: str):
        schema = self.spec.schemas[name]
        fields = {}
        for prop, sub in schema['properties'].items():
            annotation = self.annotation(sub, f'{name}.{prop}')
            required = prop in schema.get('required', [])
            fields[prop] = (annotation, ... if required else sub.get('default', None))
        return create_model(name, __config__=ConfigDict(extra='ignore'), **fields)


class Operation:
    def __init__(self, spec: Spec, operation_id: str, deviations: set):
        self.method, self.path, operation = spec.operations[operation_id]
        self.id = operation_id
        typer = Typer(spec, deviations)
        self.deviations = deviations
        self.params = []
        for param in operation.get('parameters', []):
            schema = param['schema']
            annotation = typer.annotation(schema, f'{operation_id}.{param["name"]}')
            is_list = any(s.get('type') == 'array' for s in schema.get('anyOf', [schema]))
            self.params.append((param['in'], param['name'], param.get('required', False), is_list, TypeAdapter(annotation), schema))
        body = operation.get('requestBody', {}).get('content', {}).get('application/json', {}).get('schema')
        self.body_schema = body['$ref'].split('/')[-1] if body else None
        self.body = TypeAdapter(typer.model(self.body_schema)) if body else None

    def expect(self, request: dict) -> Optional[list]:
        """FastAPI's answer: None when validation passes, else the [loc, type] list of its 422."""
        errors = []
        for where, name, required, is_list, adapter, schema in self.params:
            if where == 'path':
                values = [request['path'][name]]
            else:
                values = [v for k, v in request['query'] if k == name]
            if where == 'query' and not values:
                continue
            value = values if is_list else values[-1]
            errors += validate(adapter, value, [where, name])
        if self.body is not None:
            raw = request.get('body')
            if raw is None or raw == '':
                return errors + [(['body'], 'missing')]
            try:
                if 'json-depth' in self.deviations and too_deep(raw):
                    raise json.JSONDecodeError('too deep', raw, depth_position(raw))
                parsed = json.loads(raw)
                prototype_key = PROTOTYPE_KEY.search(raw)
                if 'json-prototype-keys' in self.deviations and prototype_key:
                    raise json.JSONDecodeError('forbidden prototype property', raw, prototype_key.start())
            except json.JSONDecodeError as error:
                # FastAPI decodes the body before validating anything else: this error comes alone.
                return [(['body', error.pos], 'json_invalid')]
            except RecursionError:
                return [(['body'], 'unparseable')]
            if parsed is None:
                errors.append((['body'], 'missing'))
            else:
                errors += validate(self.body, parsed, ['body'], from_attributes=True)
        return errors or None


def validate(adapter: TypeAdapter, value: Any, loc: list, **options) -> list:
    try:
        adapter.validate_python(value, **options)
        return []
    except ValidationError as error:
        return [(loc + list(e['loc']), e['type']) for e in error.errors()]


def depth_position(text: str) -> int:
    depth, in_string, i = 0, False, 0
    while i < len(text):
        c = text[i]
        if in_string:
            if c == '\\':
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in '[{':
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return i
        elif c in ']}':
            depth -= 1
        i += 1
    return -1


def too_deep(text: str) -> bool:
    return depth_position(text) >= 0


# ---------------------------------------------------------------- values of each type, good and bad

def uuid4(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def uuid_texts(rng):
    u = uuid4(rng)
    v1 = u[:14] + '1' + u[15:]
    return [u, u.upper(), u.replace('-', ''), '{' + u + '}', 'urn:uuid:' + u, 'URN:UUID:' + u, v1, u[:14] + '5' + u[15:],
            u[:19] + '0' + u[20:], u[:19] + 'c' + u[20:], '00000000-0000-0000-0000-000000000000', u[:-1], u + '0', 'x', 'not-a-uuid',
            ' ' + u, u + ' ', u.replace('-', '', 1), '{' + u.replace('-', '') + '}', u[:8] + '-' + u[9:], u.replace('-', '_'),
            'g' + u[1:], 'abcdefghijklmnop', '1234', '0', '-1', 'null', '%s-%s' % (u[:18], u[19:])]


def mutated_uuid(rng: random.Random) -> str:
    """A UUID4 with one random change: a character replaced, dropped or added, or its version or variant."""
    u = list(uuid4(rng))
    i = rng.randrange(len(u))
    change = rng.randrange(5)
    if change == 0:
        u[i] = rng.choice('0123456789abcdefABCDEFgz-{}: ')
    elif change == 1:
        del u[i]
    elif change == 2:
        u.insert(i, rng.choice('0123456789abcdef-'))
    elif change == 3:
        u[14] = rng.choice('0123456789abcdef')
    else:
        u[19] = rng.choice('0123456789abcdef')
    return ''.join(u)


def random_datetime(rng: random.Random) -> str:
    """A date-time with random, sometimes impossible, parts and separators."""
    two = lambda top: '%02d' % rng.randint(0, top)
    text = '%04d-%s-%s' % (rng.choice([1, 1970, 2000, 2999, 9999, rng.randint(0, 9999)]), two(13), two(32))
    if rng.random() < 0.8:
        text += rng.choice('T T_t') + two(25) + ':' + two(61)
        if rng.random() < 0.7:
            text += ':' + two(61) + rng.choice(['', '', '.' + str(rng.randint(0, 10 ** rng.randint(1, 9)))])
        text += rng.choice(['', 'Z', 'z', '+' + two(25) + ':' + two(61), '-' + two(23) + two(59), '+' + two(23), ' '])
    return text


def datetime_values():
    return ['2999-01-01T00:00:00Z', '2999-01-01', '2999-01-01T00:00', '2999-01-01 00:00:00', '2999-01-01t00:00:00z',
            '2999-01-01T00:00:00+01:00', '2999-01-01T00:00:00-23:59', '2999-01-01T00:00:00+0100', '2999-01-01T00:00:00+01',
            '2999-01-01T00:00:00.1234567Z', '2999-01-01T00:00:00.5Z', '2999-01-01T00:00:00,5Z', '2999-01-01T00:00:00.Z', '2999-01-01_00:00:00',
            '2999-02-29T00:00:00Z', '2996-02-29T00:00:00Z', '2999-02-30T00:00:00Z', '2999-04-31', '2999-13-01T00:00:00Z',
            '2999-00-10T00:00:00Z', '2999-01-00T00:00:00Z', '2999-01-01T24:00:00Z', '2999-01-01T23:60:00Z', '2999-01-01T23:59:60Z',
            '2999-01-01T00:00:00+24:00', '2999-01-01T00:00:00+23:60', '2999-01-01T00:00:00 ', ' 2999-01-01T00:00:00', '2999-1-1',
            '2999-01-01T1:00:00', '2999-01-01T00', '2999-01-01T', '2999-01-01X00:00:00', '29990101T000000Z', '2000-01-01T00:00:00Z',
            '1999-12-31', '2020-02-29T12:00:00+00:00', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'x', '', 'now', 'tomorrow',
            '32503680000', '32503680000000', '1700000000', '-1', '1.5', '1e20', '+32503680000', '32503680000.5', '99999999999999',
            32503680000, 32503680000000, 1700000000, 0, -1, 1.5, 32503680000.5, 1e20, -1e20, 253402300799, 253402300800,
            float('nan'), float('inf'), float('-inf'), True, False, None, [], {}, ['2999-01-01']]


def string_values(low, high):
    values = ['a', 'Acme', ' ', '', 'x' * 127, 'x' * 128, 'x' * 129, 'x' * 255, 'x' * 256, 'x' * 1000, '🙂' * 128, '🙂' * 129,
              'é' * 128, 'e\u0301' * 64, 'a\u0000b', '\ud800', 'a\udfff', '\ud83d\ude42', '\u200b', '"quoted"', "O'Brien",
              5, 0, -1.5, True, False, None, [], ['a'], {}, {'a': 1}, float('nan'), float('inf')]
    return values


EMAILS = ['billing@acme.example', 'a@b.co', 'A@B.CO', ' a@b.co', 'a@b.co ', 'a+tag@x.io', 'Ünï@exämple.com', 'a@b', 'a@localhost',
          'a@x.test', 'a@x.local', 'a@x.onion', 'a@x.invalid', 'a@x.arpa', 'a@x.example', 'a..b@x.co', '.a@x.co', 'a.@x.co',
          '"a b"@x.co', 'a@[1.2.3.4]', 'a' * 64 + '@x.co', 'a' * 65 + '@x.co', 'a@' + 'b' * 63 + '.co', 'a@' + 'b' * 64 + '.co',
          'a@-x.co', 'a@x-.co', 'a@x_y.co', 'a@x.c', 'a@x.123', 'a@x..co', 'a@.x.co', 'a@x.co.', '@x.co', 'a@', 'a', '', 'a@@x.co',
          'a@b@x.co', 'a b@x.co', 'a\t@x.co', 'a,b@x.co', "o'brien@x.co", 'a!#$%&*+/=?^_`{|}~-@x.co', 'a@x.co\u0000', 'a(b)@x.co',
          'a@xn--bcher-kva.de', 'a@bücher.de', 'a@' + 'b.' * 130 + 'co', 5, None, True, ['a@b.co'], {}]

INT_TEXTS = ['1', '20', '100', '101', '0', '-1', '+5', ' 5 ', '5.0', '5.5', '1e2', '0x5', '5_0', '_5', '5_', '', 'abc', '١٢',
             '99999999999999999999999', '-0', '1.', '.5', 'NaN', 'inf', 'true', '00010']
LITERAL_EXTRA = ['', 'x', 'User', 'USER', ' user', 'user ', 'null', 'workspacememberships', 'WORKSPACEMEMBERSHIPS', 'user,workspace']
ENUM_EXTRA = ['', 'owner', 'ROLE_WORKSPACE', 'role_workspace_owner', ' ROLE_WORKSPACE_OWNER', 5, None, True, [], {}]


class Generator:
    def __init__(self, operation: Operation, rng: random.Random, spec: Spec):
        self.op, self.rng, self.spec = operation, rng, spec

    def field_values(self, schema: dict, where: str) -> list:
        """Good and bad values for one field, as JSON (body) would carry them."""
        schema = self.spec.resolve(schema)
        if 'anyOf' in schema:
            inner = [s for s in schema['anyOf'] if s.get('type') != 'null'][0]
            return self.field_values(inner, where) + [None]
        if 'enum' in schema or 'const' in schema:
            allowed = schema.get('enum') or [schema['const']]
            return allowed + ENUM_EXTRA + LITERAL_EXTRA[:4] + [[allowed[0]]]
        kind = schema.get('type')
        if kind == 'array':
            items = self.field_values(schema['items'], where)
            good = self.good_value(schema['items'])
            return [[], [good], [good, good], [good] * 3, [items[len(items) // 2]], [good, 'x'], ['x', 'y'], ['x', good, 5], good, None, {},
                    5, [None], [[good]], [self.good_value(schema['items']) for _ in range(2)]]
        if kind == 'integer':
            return [1, 20, 100, 101, 0, -1, 5.0, 5.5, '5', True, None, float('nan')]
        fmt = schema.get('format')
        if fmt == 'uuid4':
            return uuid_texts(self.rng) + [mutated_uuid(self.rng) for _ in range(20)] + [5, None, True, 1.5, [], {}, [uuid4(self.rng)]]
        if fmt == 'date-time':
            return datetime_values() + [random_datetime(self.rng) for _ in range(40)]
        if fmt == 'email':
            return EMAILS
        return string_values(schema.get('minLength'), schema.get('maxLength'))

    def param_values(self, schema: dict, is_list: bool, where: str) -> list:
        """Values for a path or query parameter: always text; a list parameter as several items."""
        schema = self.spec.resolve(schema)
        inner = [s for s in schema.get('anyOf', [schema]) if s.get('type') != 'null'][0]
        item = self.spec.resolve(inner['items']) if inner.get('type') == 'array' else inner
        if item.get('format') == 'uuid4':
            texts = uuid_texts(self.rng) + [mutated_uuid(self.rng) for _ in range(90 if where == 'path' else 20)]
        elif item.get('type') == 'integer':
            texts = INT_TEXTS
        elif 'enum' in item or 'const' in item:
            texts = (item.get('enum') or [item['const']]) + LITERAL_EXTRA
        elif inner.get('x-cursor') == 'events':
            texts = ['x', '', 'e1', event_cursor(1), event_cursor(0), event_cursor(987654), event_cursor(10**16), event_cursor(2**53),
                     event_cursor(1) + '=', cursor('2025-01-01T00:00:00.000Z', uuid4(self.rng)), '%', 'a' * 300]
        elif inner.get('x-cursor'):
            texts = ['x', '', 'WyIyMDI1LTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJub3QtYS11dWlkIl0', cursor('2025-01-01T00:00:00.000Z', uuid4(self.rng)),
                     cursor('2025-01-01T00:00:00Z', uuid4(self.rng)), cursor('+012025-01-01T00:00:00.000Z', uuid4(self.rng)), '%', 'a' * 300]
        else:
            texts = ['bob', '', 'a' * 255, 'a' * 256, 'a\u0000b', 'ü', '🙂', ' ', 'a,b']
            if where == 'path':
                # An empty path segment never reaches validation: the router answers 404 (Starlette as here).
                texts.remove('')
        if not is_list:
            return [[t] for t in texts] + [[texts[0], texts[-1]], [texts[-1], texts[0]]]
        good = texts[0]
        return [[t] for t in texts] + [[good, t] for t in texts[1:6]] + [[good, good, t] for t in texts[6:9]] + [[t, good, texts[-1]] for t in texts[1:3]]

    def good_value(self, schema: dict):
        schema = self.spec.resolve(schema)
        if 'anyOf' in schema:
            return self.good_value([s for s in schema['anyOf'] if s.get('type') != 'null'][0])
        if 'enum' in schema:
            return schema['enum'][-1]
        if 'const' in schema:
            return schema['const']
        fmt = schema.get('format')
        if fmt == 'uuid4':
            return uuid4(self.rng)
        if fmt == 'email':
            return 'billing@acme.example'
        if fmt == 'date-time':
            return '2999-01-01T00:00:00Z'
        if schema.get('type') == 'integer':
            return schema.get('minimum', 1)
        if schema.get('type') == 'array':
            return [self.good_value(schema['items'])]
        return 'Acme'

    def base(self) -> dict:
        request = {'path': {}, 'query': [], 'body': None}
        for where, name, required, is_list, adapter, schema in self.op.params:
            if where == 'path':
                request['path'][name] = uuid4(self.rng)
        if self.op.body_schema:
            schema = self.spec.schemas[self.op.body_schema]
            body = {p: self.good_value(s) for p, s in schema['properties'].items() if p in schema.get('required', [])}
            request['body'] = body
        return request

    def cases(self) -> list:
        cases = []
        base = self.base()

        def add(name, mutate):
            request = json.loads(json.dumps(base))
            mutate(request)
            cases.append((name, request))

        choices = []  # (name, mutation) per single field change, reused by the combinations
        for where, name, required, is_list, adapter, schema in self.op.params:
            for values in self.param_values(schema, is_list, where):
                if where == 'path':
                    choices.append((f'path {name}={values[0]!r}', lambda r, n=name, v=values[0]: r['path'].__setitem__(n, v)))
                else:
                    choices.append((f'query {name}={values!r}', lambda r, n=name, vs=values: r['query'].extend((n, v) for v in vs)))
        if self.op.body_schema:
            schema = self.spec.schemas[self.op.body_schema]
            for prop, sub in schema['properties'].items():
                choices.append((f'body without {prop}', lambda r, p=prop: isinstance(r['body'], dict) and r['body'].pop(p, None)))
                for value in self.field_values(sub, f'{self.op.body_schema}.{prop}'):
                    choices.append((f'body {prop}={value!r}'[:200], lambda r, p=prop, v=value: isinstance(r['body'], dict) and r['body'].__setitem__(p, v)))
        add('valid', lambda r: None)
        for name, mutate in choices:
            add(name, mutate)
        if self.op.body_schema:
            for raw in ['', 'null', '[]', '{}', '"x"', '1', 'true', '{', '{"name": }', '{"name": "a",}', "{'name': 'a'}", '{"name": "a"} x',
                        'NaN', 'Infinity', '-Infinity', '{"a": NaN}', '[NaN]', '{"name": "\\x"}', '{"name": "a\nb"}', '{"name": "\\ud800"}',
                        ' {"name": 1} ', '{"name": 1, "name": "Acme"}', '{"name": "🙂"} 🙂', '🙂{', '{"name": 1}{', '-', '01', '1.', '.5',
                        '[' * 40 + ']' * 40, '{"__proto__": {"x": 1}, "name": "Acme"}', '{"constructor": {"prototype": {}}, "name": "Acme"}',
                        '{"name": "Acme", "constructor": 1}', '{"a":' * 33 + '1' + '}' * 33, '{"a":' * 32 + '1' + '}' * 32, '\t\n\r {}', '\u00a0{}']:
                cases.append((f'raw body {raw[:40]!r}', {**json.loads(json.dumps(base)), 'body': raw}))
        # Several parts wrong at once, and random combinations of single changes.
        for i in range(max(40, 130 - len(cases))):
            picked = self.rng.sample(choices, min(len(choices), self.rng.randint(2, 4)))
            request = json.loads(json.dumps(base))
            for _, mutate in picked:
                mutate(request)
            cases.append(('combination: ' + '; '.join(n for n, _ in picked)[:300], request))
        return cases


def event_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f'e{position}'.encode()).decode().rstrip('=')


def cursor(iso: str, workspace_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([iso, workspace_id], separators=(',', ':')).encode()).decode().rstrip('=')


def url_of(operation: Operation, request: dict) -> str:
    from urllib.parse import quote, urlencode
    path = operation.path
    for name, value in request['path'].items():
        path = path.replace('{' + name + '}', quote(value, safe=''))
    return path + ('?' + urlencode(request['query'], quote_via=quote) if request['query'] else '')


def raw_body(body) -> Optional[str]:
    """A string body is raw text already; a value is serialised as a client would (UTF-8, NaN as Python writes
    it), a lone surrogate as the escape that is the only way to send one."""
    if body is None or isinstance(body, str):
        return body
    return re.sub('[\ud800-\udfff]', lambda m: '\\u%04x' % ord(m.group()), json.dumps(body, ensure_ascii=False))


def main() -> None:
    spec = Spec()
    rng = random.Random(20261129)
    out = CONTRACT / 'fixtures'
    out.mkdir(exist_ok=True)
    for operation_id in IMPLEMENTED:
        reference = Operation(spec, operation_id, set())
        service = Operation(spec, operation_id, set(DEVIATIONS))
        alone = {key: Operation(spec, operation_id, {key}) for key in DEVIATIONS}
        fixtures, seen = [], set()
        for name, request in Generator(reference, rng, spec).cases():
            request = {**request, 'body': raw_body(request['body'])}
            url = url_of(reference, request)
            key = (url, request['body'])
            if key in seen:
                continue
            seen.add(key)
            expected = service.expect(request)
            fixture = {'name': name, 'method': reference.method, 'url': url}
            if reference.body is not None:
                fixture['body'] = request['body']
            fixture['expect'] = None if expected is None else [{'loc': loc, 'type': kind} for loc, kind in expected]
            if expected != reference.expect(request):
                fixture['deliberate'] = sorted(k for k, op in alone.items() if op.expect(request) != reference.expect(request))
                assert fixture['deliberate'], name
            fixtures.append(fixture)
        (out / f'{operation_id}.json').write_text(json.dumps({'operationId': operation_id, 'cases': fixtures}, ensure_ascii=True, indent=1) + '\n')
        failing = sum(1 for f in fixtures if f['expect'])
        print(f'{operation_id}: {len(fixtures)} requests, {failing} answered 422, {sum(1 for f in fixtures if "deliberate" in f)} deliberate')


if __name__ == '__main__':
    main()
