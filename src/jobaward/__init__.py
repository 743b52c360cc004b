"""jobaward: look up Korea's 전국 지방자치단체 일자리대상 (National Local Government Job Awards)."""

__version__ = "0.1.0"
