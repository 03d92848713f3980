"""The generator's exact output: the sha256 of every file of two small drops.

The digests were recorded from the generator before its word lists were kept in
datagen/vocabulary.json. Any change to the generator that changes its output must update
them deliberately, in the same change, and say why.
"""

import gzip
import hashlib
from pathlib import Path

import pytest

from datagen.generate import DROP_FILES, DropSpec, generate_drop

# The conftest sample drop: 5,000 users over the full-size catalog, seed 7.
SAMPLE_DIGESTS = {
    "aisles": "2c5f4677761907d3a3ca01edd2d2abe67c147cc60e4905e68736d5f9f3046067",
    "departments": "e6829cea3da95ec22eeb4e0294094a68b929f3bcfda48fdd7d1e33403110fc43",
    "products": "6421f5afa3d2a7be20135d068662f649d4b1796bdcd7a1a312d7c63e40bc835f",
    "orders": "e6fd402646dc195baa575bb28598d43bebaef740479bf2fdf9b59917f3d7e8ed",
    "order_products__prior": "8d9c611b44007896b1f3d00c1809d92d926aaed2bd68c3959e5b80df6459a5f3",
    "order_products__train": "3bd1469a7d334fef330870b401082e320479ee45c476bc752b4452d02829a80b",
}

# A scaled-down catalog, gzipped. The digests are of the decompressed CSVs: the compressed
# bytes also depend on the zlib build, which is not the generator's doing.
SMALL_SPEC = DropSpec(users=500, products=2000, seed=11, gzip=True)
SMALL_DIGESTS = {
    "aisles": "2c5f4677761907d3a3ca01edd2d2abe67c147cc60e4905e68736d5f9f3046067",
    "departments": "e6829cea3da95ec22eeb4e0294094a68b929f3bcfda48fdd7d1e33403110fc43",
    "products": "002741591a80b5234eb4ddd9574b8049ddc761b3bae0ae8ee07c2d04941f912a",
    "orders": "44c79ae24db8d80c7420727e052820babf9d5466afeb74ad0af3e3321fd2ee70",
    "order_products__prior": "e6ed6829e0f305016d19204b40997fa45ca62747b2a0eb7a9db72b687a10a753",
    "order_products__train": "359c4f6223f36fe14a454699d27e3fa2abc2c25b786939acca35fb6502144f2e",
}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("name", DROP_FILES)
def test_sample_drop_files_have_the_recorded_digests(sample_drop: Path, name: str) -> None:
    assert _sha256((sample_drop / f"{name}.csv").read_bytes()) == SAMPLE_DIGESTS[name]


@pytest.fixture(scope="module")
def small_drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small_drop")
    generate_drop(SMALL_SPEC, folder)
    return folder


@pytest.mark.parametrize("name", DROP_FILES)
def test_small_gzip_drop_files_have_the_recorded_digests(small_drop: Path, name: str) -> None:
    packed = (small_drop / f"{name}.csv.gz").read_bytes()
    assert _sha256(gzip.decompress(packed)) == SMALL_DIGESTS[name]
