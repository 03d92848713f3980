"""The prediction API and the public page, one origin.

    POST /predict                   one (user, product) pair: probability, likely or not
    POST /predict/batch             up to 1000 pairs, in request order
    POST /predict/features          feature values typed in, no lookup
    GET  /users/{user_id}/suggestions   the user's candidates ranked, and the basket with
                                        the highest expected F1 for their next order
    GET  /products?query=...        product search by name, for the page
    GET  /health                    the deployed model and the published file
    GET  /                          the page (web/)

Features come from the published result_table file (api/features.py); probabilities from
the model endpoint (api/endpoint.py); the model's version, features and threshold from the
registry (api/deployed.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParameter
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from api.basket import best_basket
from api.catalog import Catalog
from api.deployed import DeployedModel, NoModelError, Registry
from api.endpoint import Endpoint, EndpointError
from api.features import FeatureStore

MAX_BATCH = 1000
HISTORY = ("user_orders", "up_orders", "up_first_order", "up_last_order",
           "up_average_cart_position", "up_order_rate")  # fmt: skip
Id = Annotated[int, Field(ge=1, le=2**31 - 1, description="a positive id")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


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


def _model(services: Services) -> DeployedModel:
    try:
        return services.registry.deployed()
    except NoModelError as error:
        raise HTTPException(status_code=503, detail=str(error)) from None


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
    services: Services, web_dir: Path | None = None, page_origins: tuple[str, ...] = ()
) -> FastAPI:
    """The app; `page_origins` are the sites allowed to call it from a browser (the page's
    S3 website on AWS), none when the page is served by the app itself."""
    app = FastAPI(
        title="Reorder prediction API",
        description="Will a customer reorder a product? And what is their likely next basket?",
        version="1",
    )
    if page_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(page_origins), allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )  # fmt: skip

    @app.exception_handler(EndpointError)
    async def endpoint_unavailable(request: Request, error: EndpointError) -> JSONResponse:
        return JSONResponse(
            status_code=503, content={"detail": "the model endpoint is not answering; try again"}
        )

    @app.post("/predict", response_model=Prediction, response_model_exclude_none=True)
    async def predict(pair: Pair) -> Prediction:
        model = _model(services)
        lines = services.store.user(pair.user_id)
        line = None if lines is None else lines.product_row(pair.product_id)
        if line is None:
            raise HTTPException(404, f"user {pair.user_id} and product {pair.product_id} are "
                                     "not a pair of the published result_table")  # fmt: skip
        [probability] = await services.endpoint.predict([_row(line, model)])
        return _prediction(pair, line, probability, model)

    @app.post("/predict/batch", response_model=BatchAnswer)
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

    @app.post("/predict/features", response_model=FeaturesAnswer)
    async def predict_features(request: Features) -> FeaturesAnswer:
        model = _model(services)
        unknown = sorted(set(request.features) - set(model.features))
        if unknown:
            raise HTTPException(
                422,
                [
                    {"loc": ["body", "features", name], "msg": "not a feature of the model"}
                    for name in unknown
                ],
            )
        for name, value in request.features.items():
            if value is not None and not math.isfinite(value):
                raise HTTPException(422, [{"loc": ["body", "features", name],
                                           "msg": "must be a finite number"}])  # fmt: skip
        [probability] = await services.endpoint.predict(
            [[request.features.get(name) for name in model.features]]
        )
        return FeaturesAnswer(
            probability=probability, likely=probability >= model.threshold,
            threshold=model.threshold, model_version=model.version,
        )  # fmt: skip

    @app.get("/users/{user_id}/suggestions", response_model=Suggestions)
    async def suggestions(
        user_id: Annotated[int, PathParameter(ge=1, le=2**31 - 1)],
        limit: Annotated[int, Query(ge=1, le=200)] = 10,
    ) -> Suggestions:
        model = _model(services)
        lines = services.store.user(user_id)
        if lines is None:
            raise HTTPException(404, f"user {user_id} is not in the published result_table")
        rows = lines.rows()
        probabilities = await services.endpoint.predict([_row(row, model) for row in rows])
        basket = best_basket(
            {row["product_id"]: p for row, p in zip(rows, probabilities, strict=True)}
        )
        return Suggestions(
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

    @app.get("/products", response_model=list[Product])
    async def products(
        query: Annotated[str, Query(min_length=2, max_length=100)],
        limit: Annotated[int, Query(ge=1, le=50)] = 20,
    ) -> list[Product]:
        return [Product(**found) for found in services.catalog.search(query, limit)]

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

    if web_dir is not None:
        app.mount("/static", StaticFiles(directory=web_dir), name="static")

        @app.get("/", include_in_schema=False)
        async def page() -> FileResponse:
            return FileResponse(web_dir / "index.html")

    return app
