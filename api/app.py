"""The prediction API and the public page, one origin.

    POST /predict                   one (user, product) pair: probability, likely or not
    POST /predict/batch             up to 1000 pairs, in request order
    POST /predict/features          feature values typed in, no lookup
    GET  /users/{user_id}/suggestions   the user's candidates ranked, and the basket with
                                        the highest expected F1 for their next order; with
                                        department_id or department, in that department only
    GET  /products?query=...        product search by name, for the page
    GET  /departments               the catalog's departments, for the page's tabs
    GET  /health                    the deployed model and the published file
    POST /admin/reload              re-read the deployed model now (admin token)
    POST /admin/rollback            deploy the previous model again (admin token)
    GET  /                          the page (web/)

Features come from the published result_table file (api/features.py); probabilities from
the model endpoint (api/endpoint.py); the model's version, features and threshold from the
registry (api/deployed.py).

The policy (api/policy.py) guards it: an API key for the four prediction routes when keys
are set (api/auth.py), per-client rate limits on every route but /health (api/throttle.py),
body size limits (api/limits.py), and no trace ever in an answer (api/errors.py). Invalid
input is 422 naming the field and the reason; ids must be JSON integers.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParameter
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.admin import admin_routes
from api.auth import API_KEY_HEADER, api_key_check
from api.basket import best_basket
from api.catalog import Catalog
from api.deployed import DeployedModel, NoModelError, Registry
from api.endpoint import Endpoint, EndpointError
from api.errors import CatchAll, Problem, unreadable_body
from api.features import FeatureStore
from api.limits import BodyLimit
from api.policy import DEFAULT_POLICY, ApiPolicy
from api.throttle import Clock, RateLimit

MAX_BATCH = 1000
# The model scores in float32: a larger magnitude would reach it as infinity.
FLOAT32_MAX = 3.4028234663852886e38
HISTORY = ("user_orders", "up_orders", "up_first_order", "up_last_order",
           "up_average_cart_position", "up_order_rate")  # fmt: skip


def _integral(value: object) -> object:
    # JSON Schema counts 12.0 as an integer, so the document promises it; 1.5 stays a float
    # and is refused, as are "12" and true (the models are strict).
    return int(value) if isinstance(value, float) and value.is_integer() else value


Id = Annotated[
    int, Field(ge=1, le=2**31 - 1, description="a positive id"), BeforeValidator(_integral)
]


class Strict(BaseModel):
    # strict: an id is a JSON integer, never "12", 1.5 or true
    model_config = ConfigDict(extra="forbid", strict=True)


class Pair(Strict):
    user_id: Id
    product_id: Id


class Prediction(BaseModel):
    user_id: int
    product_id: int
    probability: float | None
    likely: bool | None
    threshold: float
    model_version: str
    history: dict[str, float | None] | None = Field(
        default=None, description="the user's history with the product, from the features"
    )
    error: str | None = None


class Batch(Strict):
    items: list[Pair] = Field(min_length=1, max_length=MAX_BATCH)


class BatchAnswer(BaseModel):
    predictions: list[Prediction]
    model_version: str


class Features(Strict):
    features: dict[str, float | None] = Field(
        description="feature values by the model's feature names; a missing one is unknown"
    )


class FeaturesAnswer(BaseModel):
    probability: float
    likely: bool
    threshold: float
    model_version: str


class Suggestion(BaseModel):
    product_id: int
    product_name: str | None
    probability: float


class Suggestions(BaseModel):
    user_id: int
    products: list[Suggestion]
    basket: list[int] = Field(description="the next basket with the highest expected F1")
    basket_includes_none: bool = Field(description='whether "None" (no reorder) is in it')
    expected_f1: float
    model_version: str
    department_id: int | None = Field(default=None, description="the department asked for")
    department: str | None = Field(default=None, description="its name")
    reason: str | None = Field(
        default=None, description="why there are no suggestions, when there are none"
    )


class Department(BaseModel):
    department_id: int
    department: str


class Product(BaseModel):
    product_id: int
    product_name: str
    aisle: str | None
    department: str | None


@dataclass
class Services:
    store: FeatureStore
    catalog: Catalog
    registry: Registry
    endpoint: Endpoint
    # Deploys the previous model again and returns its version (raises api.admin's
    # RollbackError); None where the API cannot do it (on Lambda: 501).
    rollback: Callable[[], str] | None = None


def _answers(*statuses: int) -> dict[int | str, dict[str, Any]]:
    said = {401: "no valid API key", 404: "not in the published result_table or catalog",
            413: "body too large", 429: "too many requests, see Retry-After",
            503: "no model deployed, or the endpoint is not answering"}  # fmt: skip
    return {status: {"model": Problem, "description": said[status]} for status in statuses}


def _model(services: Services) -> DeployedModel:
    try:
        return services.registry.deployed()
    except NoModelError as error:
        raise HTTPException(status_code=503, detail=str(error)) from None


def _feature_error(name: str, kind: str, said: str) -> dict[str, Any]:
    return {"type": kind, "loc": ["body", "features", name], "msg": said}


def _department(catalog: Catalog, department_id: int | None, name: str | None) -> int | None:
    """The department asked for by id or by name (both: they must agree), or None; 404 naming
    one that is not in the published catalog."""
    if name is not None:
        named = catalog.department_named(name)
        if named is None:
            raise HTTPException(404, f"department {name!r} is not in the product catalog")
        if department_id is not None and department_id != named:
            said = f"department {name!r} is department_id {named}, not {department_id}"
            raise HTTPException(
                422, [{"type": "department_mismatch", "loc": ["query", "department"], "msg": said}]
            )
        return named
    if department_id is not None and department_id not in catalog.departments:
        raise HTTPException(404, f"department {department_id} is not in the product catalog")
    return department_id


def _row(line: dict, model: DeployedModel) -> list[float | None]:
    return [line.get(name) for name in model.features]


def _prediction(pair: Pair, line: dict, probability: float, model: DeployedModel) -> Prediction:
    return Prediction(
        user_id=pair.user_id,
        product_id=pair.product_id,
        probability=probability,
        likely=probability >= model.threshold,
        threshold=model.threshold,
        model_version=model.version,
        history={name: line.get(name) for name in HISTORY},
    )


def create_app(
    services: Services,
    web_dir: Path | None = None,
    page_origins: tuple[str, ...] = (),
    policy: ApiPolicy = DEFAULT_POLICY,
    clock: Clock = time.monotonic,
) -> FastAPI:
    """The app; `page_origins` are the sites allowed to call it from a browser (the page's
    S3 website on AWS), none when the page is served by the app itself. `clock` times the
    rate limits (tests pass their own)."""
    app = FastAPI(
        title="Reorder prediction API",
        description="Will a customer reorder a product? And what is their likely next basket?",
        version="1",
    )
    # The last added runs first: CORS (so browsers can read every refusal), then the
    # catch-all, the rate limit (cheapest refusal first) and the body limit.
    app.add_middleware(
        BodyLimit, default=policy.max_body_bytes,
        by_path={"/predict/batch": policy.max_batch_body_bytes},
    )  # fmt: skip
    if policy.rate_limited:
        app.add_middleware(RateLimit, policy=policy, clock=clock)
    app.add_middleware(CatchAll)
    if page_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(page_origins), allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", API_KEY_HEADER], expose_headers=["Retry-After"],
        )  # fmt: skip
    key_check = api_key_check(policy)
    guarded = [Depends(key_check)] if key_check else []
    unauthorized = (401,) if key_check else ()

    app.add_exception_handler(StarletteHTTPException, unreadable_body)

    @app.exception_handler(EndpointError)
    async def endpoint_unavailable(request: Request, error: EndpointError) -> JSONResponse:
        return JSONResponse(
            status_code=503, content={"detail": "the model endpoint is not answering; try again"}
        )

    @app.post(
        "/predict", response_model=Prediction, response_model_exclude_none=True,
        dependencies=guarded, responses=_answers(*unauthorized, 404, 413, 429, 503),
    )  # fmt: skip
    async def predict(pair: Pair) -> Prediction:
        model = _model(services)
        lines = services.store.user(pair.user_id)
        line = None if lines is None else lines.product_row(pair.product_id)
        if line is None:
            raise HTTPException(404, f"user {pair.user_id} and product {pair.product_id} are "
                                     "not a pair of the published result_table")  # fmt: skip
        [probability] = await services.endpoint.predict([_row(line, model)])
        return _prediction(pair, line, probability, model)

    @app.post(
        "/predict/batch", response_model=BatchAnswer, dependencies=guarded,
        responses=_answers(*unauthorized, 413, 429, 503),
    )  # fmt: skip
    async def predict_batch(batch: Batch) -> BatchAnswer:
        model = _model(services)
        found: dict[int, dict] = {}
        for index, pair in enumerate(batch.items):
            lines = services.store.user(pair.user_id)
            line = None if lines is None else lines.product_row(pair.product_id)
            if line is not None:
                found[index] = line
        probabilities = (
            await services.endpoint.predict([_row(line, model) for line in found.values()])
            if found else []
        )  # fmt: skip
        scored = dict(zip(found, probabilities, strict=True))
        predictions = [
            _prediction(pair, found[index], scored[index], model)
            if index in found
            else Prediction(
                user_id=pair.user_id,
                product_id=pair.product_id,
                probability=None,
                likely=None,
                threshold=model.threshold,
                model_version=model.version,
                error="unknown pair",
            )
            for index, pair in enumerate(batch.items)
        ]
        return BatchAnswer(predictions=predictions, model_version=model.version)

    @app.post(
        "/predict/features", response_model=FeaturesAnswer, dependencies=guarded,
        responses=_answers(*unauthorized, 413, 429, 503),
    )  # fmt: skip
    async def predict_features(request: Features) -> FeaturesAnswer:
        model = _model(services)
        unknown = sorted(set(request.features) - set(model.features))
        if unknown:
            raise HTTPException(422, [_feature_error(name, "unknown_feature",
                                                     "not a feature of the model")
                                      for name in unknown])  # fmt: skip
        out_of_range = [
            name for name, value in request.features.items()
            if value is not None and not (math.isfinite(value) and abs(value) <= FLOAT32_MAX)
        ]  # fmt: skip
        if out_of_range:
            raise HTTPException(422, [_feature_error(name, "finite_number", "must be a finite "
                                                     "number within float32's range (3.4e38)")
                                      for name in out_of_range])  # fmt: skip
        [probability] = await services.endpoint.predict(
            [[request.features.get(name) for name in model.features]]
        )
        return FeaturesAnswer(
            probability=probability, likely=probability >= model.threshold,
            threshold=model.threshold, model_version=model.version,
        )  # fmt: skip

    @app.get(
        "/users/{user_id}/suggestions", response_model=Suggestions, dependencies=guarded,
        responses=_answers(*unauthorized, 404, 429, 503),
    )  # fmt: skip
    async def suggestions(
        user_id: Annotated[int, PathParameter(ge=1, le=2**31 - 1)],
        limit: Annotated[int, Query(ge=1, le=200)] = 10,
        department_id: Annotated[
            int | None, Query(ge=1, le=2**31 - 1, description="suggest in this department only")
        ] = None,
        department: Annotated[
            str | None,
            Query(min_length=1, max_length=100, description="the same, by department name"),
        ] = None,
    ) -> Suggestions:
        model = _model(services)
        wanted = _department(services.catalog, department_id, department)
        lines = services.store.user(user_id)
        if lines is None:
            raise HTTPException(404, f"user {user_id} is not in the published result_table")
        # One department's lines picked in the matrix, before any row is built.
        rows = (lines if wanted is None else lines.where("department_id", wanted)).rows()
        name = None if wanted is None else services.catalog.departments[wanted]
        reason = None
        if wanted is not None and not rows:  # a known user with nothing in the department
            reason = f"user {user_id} has bought nothing in department {wanted} ({name})"
        probabilities = (
            await services.endpoint.predict([_row(row, model) for row in rows]) if rows else []
        )
        basket = best_basket(
            {row["product_id"]: p for row, p in zip(rows, probabilities, strict=True)}
        )
        return Suggestions(
            department_id=wanted,
            department=name,
            reason=reason,
            user_id=user_id,
            products=[
                Suggestion(
                    product_id=product,
                    product_name=services.catalog.name(product),
                    probability=probability,
                )
                for product, probability in basket.ranked[:limit]
            ],
            basket=basket.chosen,
            basket_includes_none=basket.include_none,
            expected_f1=basket.expected_f1,
            model_version=model.version,
        )

    @app.get("/products", response_model=list[Product], responses=_answers(413, 429))
    async def products(
        query: Annotated[str, Query(min_length=2, max_length=100)],
        limit: Annotated[int, Query(ge=1, le=50)] = 20,
    ) -> list[Product]:
        return [Product(**found) for found in services.catalog.search(query, limit)]

    @app.get("/departments", response_model=list[Department], responses=_answers(429))
    async def departments() -> list[Department]:
        return [
            Department(department_id=department_id, department=name)
            for department_id, name in sorted(services.catalog.departments.items())
        ]

    @app.get("/health")
    async def health() -> dict:
        try:
            model = services.registry.deployed()
        except NoModelError:
            return {"status": "no model deployed", "model_version": None,
                    "published_rows": services.store.rows}  # fmt: skip
        return {
            "status": "ok",
            "model_version": model.version,
            "roc_auc": model.metrics.get("roc_auc"),
            "threshold": model.threshold,
            "features": model.features,
            "published_rows": services.store.rows,
        }

    app.include_router(admin_routes(services.registry, services.rollback, policy))

    if web_dir is not None:
        app.mount("/static", StaticFiles(directory=web_dir), name="static")

        @app.get("/", include_in_schema=False)
        async def page() -> FileResponse:
            return FileResponse(web_dir / "index.html")

    return app
